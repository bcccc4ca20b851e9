#!/bin/sh
# Container entry point: TorchServe in the foreground with the mounted config (QRART_TS_CONFIG,
# default /etc/qrart/config.properties) and model store. Its key file, when token auth is on,
# is written to the working directory (/var/lib/torchserve), which compose shares with the gateway.
set -eu
exec torchserve --start --foreground --ncs \
  --ts-config "${QRART_TS_CONFIG:-/etc/qrart/config.properties}" \
  --model-store /model-store
