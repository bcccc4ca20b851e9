"""Ops scaling: tsctl.py shows TorchServe's workers and scales them through the management API."""
import os
import subprocess
import sys

TSCTL = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "torchserve", "tsctl.py"))



def tsctl(torchserve, *args):
    result = subprocess.run([sys.executable, TSCTL, *args, "--workdir", torchserve.workdir,
                             "--management-url", torchserve.management_url],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def ready_workers(torchserve):
    return [w for w in torchserve.management().model_status()[0]["workers"] if w["status"] == "READY"]


def test_status_lists_the_model_and_its_ready_workers(torchserve):
    out = tsctl(torchserve, "status")
    assert out.startswith("qrart v1.0: workers 1..1")
    assert "READY" in out


def test_scale_up_and_down_is_synchronous(torchserve):
    try:
        out = tsctl(torchserve, "scale", "--min", "2", "--max", "2")
        assert "workers 2..2" in out
        assert len(ready_workers(torchserve)) == 2, "scale returns once the new worker is READY"
        out = tsctl(torchserve, "scale", "--min", "1", "--max", "1")
        assert "workers 1..1" in out
        assert len(torchserve.management().model_status()[0]["workers"]) == 1
    finally:
        torchserve.management().scale(1, 1)


def test_ready_probe_says_ready_only_with_workers_ready(torchserve):
    assert tsctl(torchserve, "ready").strip() == "READY"
    result = subprocess.run([sys.executable, TSCTL, "ready", "--workdir", torchserve.workdir,
                             "--management-url", "http://127.0.0.1:9"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout.strip() == "NOT READY"


def test_scale_refuses_an_impossible_range_and_a_wrong_key(torchserve):
    result = subprocess.run([sys.executable, TSCTL, "scale", "--min", "3", "--max", "1", "--workdir",
                             torchserve.workdir, "--management-url", torchserve.management_url],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "min (3) <= max (1)" in result.stderr
    env = dict(os.environ, QRART_MANAGEMENT_KEY="not-the-key")
    result = subprocess.run([sys.executable, TSCTL, "status", "--workdir", torchserve.workdir,
                             "--management-url", torchserve.management_url],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode != 0
    assert len(ready_workers(torchserve)) == 1
