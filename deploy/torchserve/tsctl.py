"""Start, wait for and stop a local TorchServe with QR Art's shipped configuration.

    python deploy/torchserve/tsctl.py run --model-store model-store --workdir .run/torchserve

Only addresses, ports, paths and the worker's Python are rewritten for a local run;
every security setting of config.properties is kept as shipped.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED_CONFIG = os.path.join(HERE, "config.properties")


@dataclass
class Ports:
    inference: int = 8085
    management: int = 8086
    metrics: int = 8087
    grpc_inference: int = 8088
    grpc_management: int = 8089


def read_properties(path: str = SHIPPED_CONFIG) -> dict[str, str]:
    props = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                props[key.strip()] = value.strip()
    return props


def local_properties(model_store: str, ports: Ports, host: str = "127.0.0.1") -> dict[str, str]:
    props = read_properties()
    store = os.path.abspath(model_store)
    props.update(
        inference_address=f"http://{host}:{ports.inference}",
        management_address=f"http://{host}:{ports.management}",
        metrics_address=f"http://{host}:{ports.metrics}",
        grpc_inference_address=host,
        grpc_management_address=host,
        grpc_inference_port=str(ports.grpc_inference),
        grpc_management_port=str(ports.grpc_management),
        model_store=store,
        allowed_urls=f"file://{store}/.*\\\\.mar",
        python=sys.executable,
    )
    return props


def write_properties(props: dict[str, str], path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(f"{key}={value}\n" for key, value in props.items())


class TorchServe:
    """One TorchServe process in the foreground of its own process group."""

    def __init__(self, model_store: str, workdir: str, ports: Ports | None = None):
        self.ports = ports or Ports()
        self.workdir = os.path.abspath(workdir)
        self.model_store = model_store
        self.process: subprocess.Popen | None = None

    @property
    def inference_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.inference}"

    @property
    def management_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.management}"

    @property
    def metrics_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.metrics}"

    @property
    def log_dir(self) -> str:
        return os.path.join(self.workdir, "logs")

    def start(self) -> "TorchServe":
        os.makedirs(self.log_dir, exist_ok=True)
        config = os.path.join(self.workdir, "config.properties")
        write_properties(local_properties(self.model_store, self.ports), config)
        env = {**os.environ, "LOG_LOCATION": self.log_dir, "METRICS_LOCATION": self.log_dir,
               "PYTHONUNBUFFERED": "1",
               # Weights come from the archive or a local folder, never from a hub at run time.
               "HF_HUB_OFFLINE": "1", "DIFFUSERS_VERBOSITY": "error", "TRANSFORMERS_VERBOSITY": "error"}
        binary = os.path.join(os.path.dirname(sys.executable), "torchserve")
        self.process = subprocess.Popen(
            [binary, "--start", "--foreground", "--ncs", "--ts-config", config,
             "--model-store", os.path.abspath(self.model_store)],
            cwd=self.workdir, env=env, start_new_session=True,
            stdout=open(os.path.join(self.log_dir, "stdout.log"), "ab"), stderr=subprocess.STDOUT,
        )
        return self

    def keys(self) -> dict:
        with open(os.path.join(self.workdir, "key_file.json"), encoding="utf-8") as f:
            return json.load(f)

    def key(self, kind: str) -> str:
        return self.keys()[kind]["key"]

    def model_status(self, model: str = "qrart") -> list[dict]:
        request = urllib.request.Request(
            f"{self.management_url}/models/{model}",
            headers={"Authorization": f"Bearer {self.key('management')}"},
        )
        with urllib.request.urlopen(request, timeout=5) as reply:
            return json.load(reply)

    def wait_ready(self, model: str = "qrart", timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process and self.process.poll() is not None:
                raise RuntimeError(f"TorchServe exited with {self.process.returncode}; see {self.log_dir}")
            try:
                workers = self.model_status(model)[0]["workers"]
                if workers and all(w["status"] == "READY" for w in workers):
                    return
            except (OSError, KeyError, IndexError, ValueError, urllib.error.URLError):
                pass
            time.sleep(1)
        raise TimeoutError(f"model {model} not READY after {timeout}s; see {self.log_dir}")

    def stop(self, timeout: float = 60) -> int:
        if not self.process or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return self.process.wait()


def _interrupt(*_):
    raise KeyboardInterrupt


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["run"])
    parser.add_argument("--model-store", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--ports", default="8085,8086,8087,8088,8089",
                        help="inference,management,metrics,grpc-inference,grpc-management")
    args = parser.parse_args(argv)
    ports = Ports(*(int(p) for p in args.ports.split(",")))
    # SIGTERM (from a supervisor or `make run`'s trap) stops TorchServe like Ctrl-C does.
    signal.signal(signal.SIGTERM, _interrupt)
    ready_flag = os.path.join(args.workdir, "READY")
    if os.path.exists(ready_flag):
        os.remove(ready_flag)
    os.makedirs(args.workdir, exist_ok=True)
    server = TorchServe(args.model_store, args.workdir, ports).start()
    try:
        server.wait_ready()
        open(ready_flag, "w").close()
        print(f"TorchServe ready: inference {server.inference_url}/predictions/qrart "
              f"(Bearer key in {server.workdir}/key_file.json), metrics {server.metrics_url}/metrics")
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        print("Stopping TorchServe...")
        server.stop()
        if os.path.exists(ready_flag):
            os.remove(ready_flag)


if __name__ == "__main__":
    main()
