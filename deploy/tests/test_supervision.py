"""tsctl.py run supervises TorchServe: one that dies is restarted, with back-off, a bounded number of times."""
import os
import signal
import subprocess
import sys
import time

import psutil
from ts_testing import free_ports

TSCTL = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "torchserve", "tsctl.py"))


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"{what} after {timeout} s")


def ready(workdir, management_port):
    probe = subprocess.run([sys.executable, TSCTL, "ready", "--workdir", workdir,
                            "--management-url", f"http://127.0.0.1:{management_port}"], capture_output=True, text=True)
    return probe.returncode == 0


def test_a_torchserve_that_dies_is_restarted_and_ready_again(torchserve, tmp_path):
    ports = free_ports(5)
    workdir = str(tmp_path / "supervised")
    log = open(tmp_path / "tsctl.log", "w")
    supervisor = subprocess.Popen(
        [sys.executable, TSCTL, "run", "--model-store", torchserve.model_store, "--workdir", workdir,
         "--ports", ",".join(map(str, ports)), "--max-restarts", "1", "--restart-backoff", "0.5"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    flag = os.path.join(workdir, "READY")
    try:
        wait_for(lambda: os.path.exists(flag), 240, "TorchServe not ready")
        first = psutil.Process(supervisor.pid).children(recursive=True)
        for process in first:
            process.kill()
        wait_for(lambda: not os.path.exists(flag), 30, "the READY flag stayed after TorchServe died")
        wait_for(lambda: os.path.exists(flag) and ready(workdir, ports[1]), 240, "TorchServe not restarted")
        assert supervisor.poll() is None, "tsctl keeps supervising"
        assert not {p.pid for p in first} & {p.pid for p in psutil.Process(supervisor.pid).children(recursive=True)}
        text = (tmp_path / "tsctl.log").read_text()
        assert "restart 1 of 1" in text, text
    finally:
        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(timeout=120) == 0
        log.close()
    assert not os.path.exists(flag), "READY is removed on a clean stop"


def test_a_stop_while_torchserve_starts_stops_it_cleanly(torchserve, tmp_path):
    ports = free_ports(5)
    workdir = str(tmp_path / "starting")
    supervisor = subprocess.Popen(
        [sys.executable, TSCTL, "run", "--model-store", torchserve.model_store, "--workdir", workdir,
         "--ports", ",".join(map(str, ports))],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: psutil.Process(supervisor.pid).children(), 60, "TorchServe not started")
        started = psutil.Process(supervisor.pid).children(recursive=True)
        assert not os.path.exists(os.path.join(workdir, "READY")), "stopped before it is ready"
        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(timeout=120) == 0
        assert not [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
