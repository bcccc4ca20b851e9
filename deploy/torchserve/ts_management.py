"""TorchServe's management API: a model's workers, scaling them, and the one readiness check."""
from __future__ import annotations

import json
import os
import urllib.request


def key_from_file(workdir: str, kind: str) -> str:
    with open(os.path.join(workdir, "key_file.json"), encoding="utf-8") as f:
        return json.load(f)[kind]["key"]


class ManagementClient:
    """A TorchServe's management API at a URL, with an optional Bearer key."""

    def __init__(self, url: str, key: str | None):
        self.url = url.rstrip("/")
        self.key = key

    @classmethod
    def for_workdir(cls, url: str, workdir: str) -> ManagementClient:
        """QRART_MANAGEMENT_KEY, else the workdir's key file, else none (token auth off, network-isolated)."""
        key = os.environ.get("QRART_MANAGEMENT_KEY")
        if not key and os.path.exists(os.path.join(workdir, "key_file.json")):
            key = key_from_file(workdir, "management")
        return cls(url, key)

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"} if self.key else {}

    def model_status(self, model: str = "qrart") -> list[dict]:
        request = urllib.request.Request(f"{self.url}/models/{model}", headers=self._headers())
        with urllib.request.urlopen(request, timeout=5) as reply:
            return json.load(reply)

    def scale(self, min_worker: int, max_worker: int, model: str = "qrart", timeout: float = 300) -> None:
        """Sets the worker range and waits for TorchServe to start or stop workers accordingly."""
        if not 0 <= min_worker <= max_worker:
            raise ValueError(f"need 0 <= min ({min_worker}) <= max ({max_worker})")
        query = f"min_worker={min_worker}&max_worker={max_worker}&synchronous=true&timeout={int(timeout)}"
        request = urllib.request.Request(f"{self.url}/models/{model}?{query}", method="PUT", headers=self._headers())
        with urllib.request.urlopen(request, timeout=timeout + 10) as reply:
            reply.read()

    def all_workers_ready(self, model: str = "qrart") -> bool:
        """Ready only when every worker of every version is READY, not merely when /ping answers."""
        try:
            versions = self.model_status(model)
        except (OSError, ValueError):
            return False
        workers = [w for version in versions for w in version.get("workers", [])]
        return bool(workers) and all(w.get("status") == "READY" for w in workers)

    def status_lines(self, model: str = "qrart") -> list[str]:
        lines = []
        for version in self.model_status(model):
            lines.append(f"{version['modelName']} v{version.get('modelVersion', '?')}: workers "
                         f"{version.get('minWorkers')}..{version.get('maxWorkers')}, "
                         f"batch {version.get('batchSize')}, max delay {version.get('maxBatchDelay')} ms")
            for worker in version.get("workers", []):
                lines.append(f"  worker {worker['id']}: {worker['status']}, pid {worker.get('pid')}, "
                             f"memory {worker.get('memoryUsage', 0) // 2**20} MiB, gpu {worker.get('gpu')}")
        return lines
