"""One local TorchServe process, in the foreground of its own process group."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

import psutil
from ts_management import ManagementClient, key_from_file
from ts_properties import Ports, local_properties, write_properties


class TorchServe:
    """Starts, waits for and stops one TorchServe with the shipped configuration on the given ports."""

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

    def key(self, kind: str) -> str:
        return key_from_file(self.workdir, kind)

    def management(self) -> ManagementClient:
        return ManagementClient(self.management_url, self.key("management"))

    def start(self) -> TorchServe:
        os.makedirs(self.log_dir, exist_ok=True)
        config = os.path.join(self.workdir, "config.properties")
        write_properties(local_properties(self.model_store, self.ports), config)
        # TorchServe keeps its PID file in the temp folder: one per workdir lets several run on a host.
        private_tmp = os.path.join(self.workdir, "tmp")
        os.makedirs(private_tmp, exist_ok=True)
        # The frontend names its workers' sockets after java.io.tmpdir (/tmp/.ts.sock.9000 by default):
        # a private one keeps two TorchServes on a host from taking each other's workers.
        java_options = f"{os.environ.get('JAVA_TOOL_OPTIONS', '')} -Djava.io.tmpdir={private_tmp}".strip()
        env = {**os.environ, "TMPDIR": private_tmp, "JAVA_TOOL_OPTIONS": java_options,
               "LOG_LOCATION": self.log_dir, "METRICS_LOCATION": self.log_dir,
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

    def wait_ready(self, model: str = "qrart", timeout: float = 300, stop_requested=lambda: False) -> None:
        """Returns once every worker of the model is READY; InterruptedError as soon as stop_requested()."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if stop_requested():
                raise InterruptedError("a stop was requested")
            if self.process and self.process.poll() is not None:
                raise RuntimeError(f"TorchServe exited with {self.process.returncode}; see {self.log_dir}")
            if self._key_file_written() and self.management().all_workers_ready(model):
                return
            time.sleep(1)
        raise TimeoutError(f"model {model} not READY after {timeout}s; see {self.log_dir}")

    def _key_file_written(self) -> bool:
        """TorchServe writes its key file after creating it: an empty or partial one is not there yet."""
        try:
            self.key("management")
            return True
        except (OSError, ValueError, KeyError):
            return False

    def stop(self, timeout: float = 60) -> int:
        """Stops the launcher and everything it started (the frontend JVM outlives the launcher by a
        few seconds of shutdown); what is still running after the timeout is killed."""
        if not self.process or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        started = _descendants(self.process.pid)
        deadline = time.monotonic() + timeout
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            code = self.process.wait()
        for process in _still_running(started, deadline):
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        return code


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _still_running(processes: list[psutil.Process], deadline: float) -> list[psutil.Process]:
    """Waits until none of the processes runs or the deadline passes; what still runs then. A zombie
    does not count: an orphan's reaper (PID 1 of a container, say) may never collect it."""
    while True:
        running = [p for p in processes if _running(p)]
        if not running or time.monotonic() >= deadline:
            return running
        time.sleep(0.2)


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
