#!/usr/bin/env bash
# Starts TorchServe (loopback, shipped secure config) and the gateway, which also serves the web
# app; Ctrl-C (or SIGTERM) stops both. Optional environment:
#   QRART_RUN_DIR    state folder: TorchServe workdir, local images, embedded records (.run)
#   QRART_HTTP_PORT  the gateway's port (8080)
#   QRART_TS_PORTS   TorchServe inference,management,metrics,grpc-inference,grpc-management
#                    (8085,8086,8087,8088,8089)
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_DIR="${QRART_RUN_DIR:-.run}"
HTTP_PORT="${QRART_HTTP_PORT:-8080}"
TS_PORTS="${QRART_TS_PORTS:-8085,8086,8087,8088,8089}"
TS_DIR="$RUN_DIR/torchserve"
mkdir -p "$TS_DIR"
rm -f "$TS_DIR/READY"

.venv/bin/python deploy/torchserve/tsctl.py run --model-store model-store --workdir "$TS_DIR" --ports "$TS_PORTS" &
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

until [[ -f "$TS_DIR/READY" ]]; do
  kill -0 "$TS_PID" 2>/dev/null || { echo "TorchServe failed to start; see $TS_DIR/logs"; exit 1; }
  sleep 1
done
QUARKUS_HTTP_PORT="$HTTP_PORT" \
QUARKUS_REST_CLIENT_TORCHSERVE_URL="http://127.0.0.1:${TS_PORTS%%,*}" \
QRART_INFERENCE_KEY_FILE="$TS_DIR/key_file.json" \
QRART_STORAGE_LOCAL_DIR="$RUN_DIR/images" \
QRART_STORAGE_EMBEDDED_FILE="$RUN_DIR/records.mv.db" \
QRART_LINKS_ENABLED="${QRART_LINKS_ENABLED:-true}" \
QRART_LINKS_BASE_URL="${QRART_LINKS_BASE_URL:-HTTP://LOCALHOST:$HTTP_PORT/S/}" \
  java -jar gateway/target/quarkus-app/quarkus-run.jar &
GW_PID=$!
until curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/live" >/dev/null; do
  kill -0 "$GW_PID" 2>/dev/null || { echo "The gateway failed to start"; exit 1; }
  sleep 1
done
cat <<MSG

QR Art is running:
  web app      http://localhost:$HTTP_PORT/
  API          http://localhost:$HTTP_PORT/api/v1/generations  (OpenAPI: /q/openapi, health: /q/health)
  try it       curl -s -XPOST localhost:$HTTP_PORT/api/v1/generations -H 'Content-Type: application/json' \\
                 -d '{"content":"https://example.com","prompt":"3D render of a mossy temple","steps":8}'
  TorchServe   http://127.0.0.1:${TS_PORTS%%,*}/predictions/qrart  (Bearer key: $TS_DIR/key_file.json)
Press Ctrl-C to stop.
MSG
wait -n "$TS_PID" "$GW_PID"
