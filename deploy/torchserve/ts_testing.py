"""A real TorchServe for test sessions: the tiny offline archive, CPU, the shipped config on random ports."""
from __future__ import annotations

import random
import socket
from collections.abc import Iterator
from contextlib import contextmanager

from ts_process import TorchServe
from ts_properties import Ports


def free_port() -> int:
    """A loopback port free now, below the kernel's ephemeral range (32768 and up on Linux), where
    the local end of any outgoing connection could take it meanwhile."""
    for _ in range(200):
        port = random.randrange(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise RuntimeError("no free port in [20000, 32000)")


def free_ports(count: int) -> list[int]:
    """Distinct loopback ports, each free now (see free_port)."""
    ports: list[int] = []
    while len(ports) < count:
        port = free_port()
        if port not in ports:
            ports.append(port)
    return ports


@contextmanager
def tiny_torchserve(model_store: str, workdir: str, ready_timeout: float = 240) -> Iterator[TorchServe]:
    """Builds the tiny archive into model_store, starts TorchServe on free ports, stops it afterwards."""
    import build_archive

    build_archive.main(["--source", "tiny", "--model-store", model_store, "--set", "device=cpu"])
    with serving(model_store, workdir, ready_timeout) as server:
        yield server


@contextmanager
def serving(model_store: str, workdir: str, ready_timeout: float = 240) -> Iterator[TorchServe]:
    """Starts TorchServe over an archive already in model_store on free ports, stops it afterwards."""
    server = TorchServe(model_store, workdir, Ports(*free_ports(5))).start()
    try:
        server.wait_ready(timeout=ready_timeout)
        yield server
    finally:
        server.stop()
