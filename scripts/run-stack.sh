#!/usr/bin/env bash
# Starts TorchServe (loopback, shipped secure config) and the gateway, which also serves the web
# app; Ctrl-C (or SIGTERM) stops both. Optional environment:
#   QRART_RUN_DIR    state folder: TorchServe workdir, local images, embedded records (.run)
#   QRART_HTTP_PORT  the gateway's port (8080)
#   QRART_TS_PORTS   TorchServe inference,management,metrics,grpc-inference,grpc-management
#                    (8085,8086,8087,8088,8089)
#   QRART_REPLICAS   gateways (1): more than one share a Firestore emulator and a GCS emulator
#                    (fake-gcs-server from `make test`'s .run/bin) as replicas do; replica i
#                    listens on QRART_HTTP_PORT + i
#   QRART_HTTP_PORTS the replicas' ports, comma-separated, instead (sets QRART_REPLICAS)
#   QRART_EMULATOR_PORTS  Firestore,GCS emulator ports with replicas (8090,8091)
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_DIR="${QRART_RUN_DIR:-.run}"
HTTP_PORT="${QRART_HTTP_PORT:-8080}"
TS_PORTS="${QRART_TS_PORTS:-8085,8086,8087,8088,8089}"
REPLICAS="${QRART_REPLICAS:-1}"
if [[ -n "${QRART_HTTP_PORTS:-}" ]]; then
  IFS=, read -ra PORTS <<<"$QRART_HTTP_PORTS"
  REPLICAS=${#PORTS[@]}
  HTTP_PORT=${PORTS[0]}
else
  PORTS=()
  for ((i = 0; i < REPLICAS; i++)); do PORTS+=($((HTTP_PORT + i))); done
fi
TS_DIR="$RUN_DIR/torchserve"
mkdir -p "$TS_DIR"
rm -f "$TS_DIR/READY"

.venv/bin/python deploy/torchserve/tsctl.py run --model-store model-store --workdir "$TS_DIR" --ports "$TS_PORTS" &
TS_PID=$!
EMULATORS=()
GATEWAYS=()

# The Firestore emulator runs as a child of gcloud's child and outlives a signal to gcloud alone.
kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done
  kill -TERM "$1" 2>/dev/null || true
}

# Gateways first (they drain into the stores), then the emulators, then TorchServe.
stop() {
  trap - INT TERM EXIT
  echo "Stopping the stack..."
  for pid in "${GATEWAYS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${GATEWAYS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for pid in "${EMULATORS[@]}"; do kill_tree "$pid"; done
  kill -TERM "$TS_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

await_port() {
  until (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || { echo "$3 failed to start; see $RUN_DIR"; exit 1; }
    sleep 1
  done
}

# One gateway keeps records and images in $RUN_DIR; replicas share the two emulators.
STORES=(QRART_STORAGE_LOCAL_DIR="$RUN_DIR/images" QRART_STORAGE_EMBEDDED_FILE="$RUN_DIR/records.mv.db")
if ((REPLICAS > 1)); then
  IFS=, read -r FIRESTORE_PORT GCS_PORT <<<"${QRART_EMULATOR_PORTS:-8090,8091}"
  mkdir -p "$RUN_DIR/gcs/qrart"
  gcloud emulators firestore start --host-port="127.0.0.1:$FIRESTORE_PORT" --quiet >"$RUN_DIR/firestore.log" 2>&1 &
  EMULATORS+=($!)
  await_port "$FIRESTORE_PORT" $! "The Firestore emulator"
  .run/bin/fake-gcs-server -scheme http -host 127.0.0.1 -port "$GCS_PORT" -backend filesystem \
    -filesystem-root "$RUN_DIR/gcs" -public-host "127.0.0.1:$GCS_PORT" >"$RUN_DIR/gcs.log" 2>&1 &
  EMULATORS+=($!)
  await_port "$GCS_PORT" $! "fake-gcs-server"
  STORES=(QRART_STORAGE_IMAGES=gcs QRART_STORAGE_GCS_BUCKET=qrart QRART_STORAGE_GCS_HOST="http://127.0.0.1:$GCS_PORT"
    QRART_STORAGE_RECORDS=firestore QRART_STORAGE_FIRESTORE_EMULATOR_HOST="127.0.0.1:$FIRESTORE_PORT"
    QRART_STORAGE_PROJECT_ID=qrart-local)
fi

until [[ -f "$TS_DIR/READY" ]]; do
  kill -0 "$TS_PID" 2>/dev/null || { echo "TorchServe failed to start; see $TS_DIR/logs"; exit 1; }
  sleep 1
done
for ((i = 0; i < REPLICAS; i++)); do
  env QUARKUS_HTTP_PORT="${PORTS[$i]}" \
    QRART_REPLICA_ID="replica-$i" \
    QUARKUS_REST_CLIENT_TORCHSERVE_URL="http://127.0.0.1:${TS_PORTS%%,*}" \
    QRART_INFERENCE_KEY_FILE="$TS_DIR/key_file.json" \
    "${STORES[@]}" \
    QRART_LINKS_ENABLED="${QRART_LINKS_ENABLED:-true}" \
    QRART_LINKS_BASE_URL="${QRART_LINKS_BASE_URL:-HTTP://LOCALHOST:$HTTP_PORT/S/}" \
    java -jar gateway/target/quarkus-app/quarkus-run.jar &
  GATEWAYS+=($!)
  until curl -sf "http://127.0.0.1:${PORTS[$i]}/q/health/live" >/dev/null; do
    kill -0 "${GATEWAYS[-1]}" 2>/dev/null || { echo "The gateway failed to start"; exit 1; }
    sleep 1
  done
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
wait -n "$TS_PID" "${EMULATORS[@]}" "${GATEWAYS[@]}"
