# QR Art model server: TorchServe + the qrart handler on a CUDA host (driver from the node,
# CUDA user-space libraries from the pinned torch wheels). The model archive is NOT baked in:
# mount it at /model-store (see docs/operations.md, "Build the model archive").
# Build from the repository root:  docker build -f deploy/docker/torchserve.Dockerfile -t qrart-torchserve .

FROM python:3.11.13-slim-bookworm
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 HF_HUB_OFFLINE=1 \
    NVIDIA_VISIBLE_DEVICES=all NVIDIA_DRIVER_CAPABILITIES=compute,utility
# TorchServe's frontend is Java.
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless=17.0.* \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/qrart
COPY torchserve-handler/requirements.txt torchserve-handler/requirements.lock torchserve-handler/
RUN pip install -r torchserve-handler/requirements.txt -c torchserve-handler/requirements.lock
COPY torchserve-handler/ torchserve-handler/
COPY model-archiver/ model-archiver/
COPY deploy/torchserve/tsctl.py deploy/torchserve/ts_properties.py deploy/torchserve/ts_process.py deploy/torchserve/ts_management.py deploy/torchserve/entrypoint.sh deploy/torchserve/
RUN groupadd --system --gid 10002 model-server \
 && useradd --system --uid 10002 --gid model-server --create-home model-server \
 && mkdir -p /model-store /var/lib/torchserve \
 && chown model-server:model-server /var/lib/torchserve
USER 10002
WORKDIR /var/lib/torchserve
# 8080 inference (gateway only), 8082 metrics (Prometheus); management stays on loopback.
EXPOSE 8080 8082
HEALTHCHECK --interval=15s --timeout=10s --start-period=300s \
  CMD ["python", "/opt/qrart/deploy/torchserve/tsctl.py", "ready", "--management-url", "http://127.0.0.1:8081", "--workdir", "/var/lib/torchserve"]
ENTRYPOINT ["/opt/qrart/deploy/torchserve/entrypoint.sh"]
