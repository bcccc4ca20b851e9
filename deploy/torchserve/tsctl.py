"""Start a local TorchServe with QR Art's shipped configuration; show and scale its workers.

    python deploy/torchserve/tsctl.py run --model-store model-store --workdir .run/torchserve
    python deploy/torchserve/tsctl.py status --workdir .run/torchserve
    python deploy/torchserve/tsctl.py scale --workdir .run/torchserve --min 2 --max 4
    python deploy/torchserve/tsctl.py ready --workdir .run/torchserve   (exit 0 when every worker is READY)

status and scale use the management API (loopback, management key from the workdir's key file
or QRART_MANAGEMENT_KEY); scaling is synchronous: it returns once the workers are up or down.

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

    def start(self) -> TorchServe:
        os.makedirs(self.log_dir, exist_ok=True)
        config = os.path.join(self.workdir, "config.properties")
        write_properties(local_properties(self.model_store, self.ports), config)
        # TorchServe keeps its PID file in the temp folder: one per workdir lets several run on a host.
        private_tmp = os.path.join(self.workdir, "tmp")
        os.makedirs(private_tmp, exist_ok=True)
        env = {**os.environ, "TMPDIR": private_tmp, "LOG_LOCATION": self.log_dir, "METRICS_LOCATION": self.log_dir,
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

    def auth_headers(self) -> dict[str, str]:
        key = self.key("management")
        return {"Authorization": f"Bearer {key}"} if key else {}

    def model_status(self, model: str = "qrart") -> list[dict]:
        request = urllib.request.Request(f"{self.management_url}/models/{model}", headers=self.auth_headers())
        with urllib.request.urlopen(request, timeout=5) as reply:
            return json.load(reply)

    def scale(self, min_worker: int, max_worker: int, model: str = "qrart", timeout: float = 300) -> None:
        """Sets the worker range and waits for TorchServe to start or stop workers accordingly."""
        if not 0 <= min_worker <= max_worker:
            raise ValueError(f"need 0 <= min ({min_worker}) <= max ({max_worker})")
        query = f"min_worker={min_worker}&max_worker={max_worker}&synchronous=true&timeout={int(timeout)}"
        request = urllib.request.Request(f"{self.management_url}/models/{model}?{query}", method="PUT",
                                         headers=self.auth_headers())
        with urllib.request.urlopen(request, timeout=timeout + 10) as reply:
            reply.read()

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


class RemoteTorchServe(TorchServe):
    """A TorchServe already running (this host or a pod): only its management API is used."""

    def __init__(self, workdir: str, management_url: str):
        super().__init__("", workdir, Ports())
        self._management_url = management_url.rstrip("/")

    @property
    def management_url(self) -> str:
        return self._management_url

    def key(self, kind: str) -> str | None:
        """QRART_MANAGEMENT_KEY, else the workdir's key file, else none (token auth off, network-isolated)."""
        if os.environ.get("QRART_MANAGEMENT_KEY"):
            return os.environ["QRART_MANAGEMENT_KEY"]
        if os.path.exists(os.path.join(self.workdir, "key_file.json")):
            return super().key(kind)
        return None


def status_lines(server: TorchServe, model: str) -> list[str]:
    lines = []
    for version in server.model_status(model):
        lines.append(f"{version['modelName']} v{version.get('modelVersion', '?')}: workers "
                     f"{version.get('minWorkers')}..{version.get('maxWorkers')}, batch {version.get('batchSize')}, "
                     f"max delay {version.get('maxBatchDelay')} ms")
        for worker in version.get("workers", []):
            lines.append(f"  worker {worker['id']}: {worker['status']}, pid {worker.get('pid')}, "
                         f"memory {worker.get('memoryUsage', 0) // 2**20} MiB, gpu {worker.get('gpu')}")
    return lines


def all_workers_ready(server: TorchServe, model: str) -> bool:
    versions = server.model_status(model)
    workers = [w for version in versions for w in version.get("workers", [])]
    return bool(workers) and all(w["status"] == "READY" for w in workers)


def manage(args) -> None:
    server = RemoteTorchServe(args.workdir, args.management_url)
    if args.command == "ready":
        # A readiness probe: ready only when the model's workers are loaded, not merely when /ping answers.
        try:
            ok = all_workers_ready(server, args.model)
        except (OSError, ValueError, KeyError):
            ok = False
        print("READY" if ok else "NOT READY")
        sys.exit(0 if ok else 1)
    if args.command == "scale":
        server.scale(args.min, args.max, args.model)
    print("\n".join(status_lines(server, args.model)))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["run", "status", "scale", "ready"])
    parser.add_argument("--model-store", help="run: the folder holding qrart.mar")
    parser.add_argument("--workdir", default=".", help="TorchServe's working folder (key_file.json)")
    parser.add_argument("--ports", default="8085,8086,8087,8088,8089",
                        help="run: inference,management,metrics,grpc-inference,grpc-management")
    parser.add_argument("--management-url", default="http://127.0.0.1:8086", help="status/scale")
    parser.add_argument("--model", default="qrart")
    parser.add_argument("--min", type=int, help="scale: fewest workers")
    parser.add_argument("--max", type=int, help="scale: most workers")
    args = parser.parse_args(argv)
    if args.command != "run":
        if args.command == "scale" and (args.min is None or args.max is None):
            parser.error("scale needs --min and --max")
        manage(args)
        return
    if not args.model_store:
        parser.error("run needs --model-store")
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
