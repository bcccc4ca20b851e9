"""TorchServe's config.properties: the shipped file, and its rendering for a local run.

Only addresses, ports, paths and the worker's Python are rewritten for a local run; every
security setting of the shipped file is kept as it is.
"""
from __future__ import annotations

import os
import sys
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

    @classmethod
    def parse(cls, text: str) -> Ports:
        """inference,management,metrics,grpc-inference,grpc-management"""
        return cls(*(int(p) for p in text.split(",")))


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
