"""Start a local TorchServe with QR Art's shipped configuration; show and scale its workers.

    python deploy/torchserve/tsctl.py run --model-store model-store --workdir .run/torchserve   (restarts it if it dies)
    python deploy/torchserve/tsctl.py status --workdir .run/torchserve
    python deploy/torchserve/tsctl.py scale --workdir .run/torchserve --min 2 --max 4
    python deploy/torchserve/tsctl.py ready --workdir .run/torchserve   (exit 0 when every worker is READY)

status and scale use the management API (loopback, management key from the workdir's key file
or QRART_MANAGEMENT_KEY); scaling is synchronous: it returns once the workers are up or down.

The parts: ts_properties.py (config.properties), ts_process.py (a local TorchServe process),
ts_management.py (the management API); this file is the command line.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from ts_management import ManagementClient
from ts_process import TorchServe
from ts_properties import SHIPPED_CONFIG, Ports, read_properties

MAX_BACKOFF_S = 60.0
POLL_S = 0.2

__all__ = ["SHIPPED_CONFIG", "ManagementClient", "Ports", "TorchServe", "main", "read_properties"]


class _StopRequest:
    """Set by SIGTERM and SIGINT, polled by the supervisor. A flag rather than an exception raised
    from the handler: an exception can land inside subprocess's own locking and leave a later wait
    blocked for ever."""

    requested = False

    @classmethod
    def request(cls, *_) -> None:
        cls.requested = True


class _Stopped(Exception):
    """A stop was requested while TorchServe was starting or serving."""


def _sleep_unless_stopped(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _StopRequest.requested:
            raise _Stopped
        time.sleep(min(POLL_S, max(0.0, deadline - time.monotonic())))


def manage(args) -> None:
    """status, scale and ready work on any TorchServe (this host or a pod) through its management API."""
    client = ManagementClient.for_workdir(args.management_url, args.workdir)
    if args.command == "ready":
        ok = client.all_workers_ready(args.model)
        print("READY" if ok else "NOT READY")
        sys.exit(0 if ok else 1)
    if args.command == "scale":
        client.scale(args.min, args.max, args.model)
    print("\n".join(client.status_lines(args.model)))


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
    parser.add_argument("--max-restarts", type=int, default=5,
                        help="run: restarts of a TorchServe that exits on its own before giving up")
    parser.add_argument("--restart-backoff", type=float, default=1.0,
                        help="run: seconds before the first restart; doubled for each further one")
    args = parser.parse_args(argv)
    if args.command != "run":
        if args.command == "scale" and (args.min is None or args.max is None):
            parser.error("scale needs --min and --max")
        manage(args)
        return
    if not args.model_store:
        parser.error("run needs --model-store")
    # SIGTERM (from a supervisor or `make run`'s trap) stops TorchServe like Ctrl-C does.
    signal.signal(signal.SIGTERM, _StopRequest.request)
    signal.signal(signal.SIGINT, _StopRequest.request)
    os.makedirs(args.workdir, exist_ok=True)
    supervise(args.model_store, args.workdir, Ports.parse(args.ports), args.max_restarts, args.restart_backoff)


def supervise(model_store: str, workdir: str, ports: Ports, max_restarts: int, backoff: float) -> None:
    """Runs TorchServe in the foreground; restarts it when it exits on its own, with back-off, a bounded
    number of times (as a Kubernetes pod would be). READY exists in the workdir while it is ready."""
    ready_flag = os.path.join(workdir, "READY")
    restarts = 0
    while True:
        _remove(ready_flag)
        server = TorchServe(model_store, workdir, ports)
        try:
            code = _serve(server, ready_flag)
            _remove(ready_flag)
            server.stop()
            if restarts >= max_restarts:
                print(f"TorchServe exited with {code}; {max_restarts} restarts spent, giving up", flush=True)
                sys.exit(1)
            restarts += 1
            print(f"TorchServe exited with {code}; restart {restarts} of {max_restarts} in {backoff:g} s", flush=True)
            _sleep_unless_stopped(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_S)
        except _Stopped:
            print("Stopping TorchServe...", flush=True)
            server.stop()
            _remove(ready_flag)
            return


def _serve(server: TorchServe, ready_flag: str) -> str:
    """Starts TorchServe and waits until it exits; says how it ended."""
    server.start()
    try:
        server.wait_ready(stop_requested=lambda: _StopRequest.requested)
    except (RuntimeError, TimeoutError) as e:
        return f"a failed start ({e})"
    except InterruptedError as e:
        raise _Stopped from e
    open(ready_flag, "w").close()
    print(f"TorchServe ready: inference {server.inference_url}/predictions/qrart "
          f"(Bearer key in {server.workdir}/key_file.json), metrics {server.metrics_url}/metrics", flush=True)
    while (code := server.process.poll()) is None:
        _sleep_unless_stopped(POLL_S)
    return f"exit code {code}"


def _remove(path: str) -> None:
    if os.path.exists(path):
        os.remove(path)

if __name__ == "__main__":
    main()
