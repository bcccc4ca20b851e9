#!/usr/bin/env bash
# Starts TorchServe (loopback, shipped secure config) and the gateway; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run/torchserve

.venv/bin/python deploy/torchserve/tsctl.py run --model-store model-store --workdir .run/torchserve &
TS_PID=$!
GW_PID=""

stop() {
  trap - INT TERM EXIT
  echo "Stopping the stack..."
  [[ -n "$GW_PID" ]] && kill -TERM "$GW_PID" 2>/dev/null || true
  kill -TERM "$TS_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

until [[ -f .run/torchserve/READY ]]; do
  kill -0 "$TS_PID" 2>/dev/null || { echo "TorchServe failed to start; see .run/torchserve/logs"; exit 1; }
  sleep 1
done
java -jar gateway/target/quarkus-app/quarkus-run.jar &
GW_PID=$!
sleep 3
cat <<MSG

QR Art is running:
  API          http://localhost:8080/api/v1/generations  (OpenAPI: /q/openapi, health: /q/health)
  try it       curl -s -XPOST localhost:8080/api/v1/generations -H 'Content-Type: application/json' \
                 -d '{"content":"https://example.com","prompt":"3D render of a mossy temple","steps":8}'
  gallery      http://localhost:8080/api/v1/gallery
  TorchServe   http://127.0.0.1:8085/predictions/qrart  (Bearer key: .run/torchserve/key_file.json)
Press Ctrl-C to stop.
MSG
wait -n "$TS_PID" "$GW_PID"
