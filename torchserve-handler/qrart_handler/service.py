"""One TorchServe batch in, one reply per request out; a bad item fails alone."""
from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .codec import NPY_CONTENT_TYPE, encode_npy
from .errors import InferenceFailed, ItemError, OutOfMemory
from .grouping import pad_to_bucket, plan_passes
from .inputs import GenerationRequest, parse_request
from .settings import HandlerSettings

log = logging.getLogger(__name__)

JSON_CONTENT_TYPE = "application/json"

RunPass = Callable[[Sequence[GenerationRequest]], list[np.ndarray]]


@dataclass
class ItemReply:
    status: int
    body: bytes
    content_type: str


@dataclass
class BatchStats:
    """What the last batch looked like; the TorchServe layer turns it into metrics."""

    size: int = 0
    valid: int = 0
    passes: list[int] = field(default_factory=list)
    seconds: float = 0.0


class GenerationService:
    def __init__(self, settings: HandlerSettings, run_pass: RunPass, free_memory: Callable[[], None] = lambda: None):
        self.settings = settings
        self.run_pass = run_pass
        self.free_memory = free_memory
        self.last_stats = BatchStats()

    def handle_batch(self, bodies: Sequence[Any]) -> list[ItemReply]:
        started = time.perf_counter()
        replies: list[ItemReply | None] = [None] * len(bodies)
        valid = []
        for index, body in enumerate(bodies):
            try:
                valid.append((index, parse_request(body, self.settings.limits, self.settings.defaults)))
            except ItemError as err:
                replies[index] = error_reply(err)
        executed: list[int] = []
        for _, members in plan_passes(valid, self.settings.max_pass_batch, by_control_window=self.settings.compile):
            self._run(members, replies, executed)
        self.last_stats = BatchStats(
            size=len(bodies), valid=len(valid), passes=executed, seconds=time.perf_counter() - started,
        )
        # The gateway's request ids (generation id + candidate) tie this batch to its jobs and logs.
        request_ids = [item.request_id for _, item in valid if item.request_id]
        log.info(
            "QRART_BATCH size=%d valid=%d passes=%s seconds=%.3f request_ids=%s",
            len(bodies), len(valid), self.last_stats.passes, self.last_stats.seconds, ",".join(request_ids),
        )
        return replies  # type: ignore[return-value]

    def _run(self, members, replies, executed: list[int]) -> None:
        """One pass; a pass out of memory is split in halves and retried, down to single items."""
        requests = [request for _, request in members]
        try:
            images = self._pass(requests)
        except Exception as exc:  # one failed pass fails its members only
            err = classify_failure(exc)
            if isinstance(err, OutOfMemory) and len(members) > 1:
                half = len(members) // 2
                log.warning("QRART_SPLIT pass of %d ran out of memory; running %d + %d", len(members), half,
                            len(members) - half)
                self.free_memory()
                self._run(members[:half], replies, executed)
                self._run(members[half:], replies, executed)
                return
            log.exception("pass of %d failed", len(members))
            for index, _ in members:
                replies[index] = error_reply(err)
            return
        executed.append(len(members))
        for (index, _), image in zip(members, images):
            replies[index] = ItemReply(200, encode_npy(image), NPY_CONTENT_TYPE)

    def _pass(self, requests: list[GenerationRequest]) -> list[np.ndarray]:
        limit = self.settings.inject_oom_above_pass
        if limit and len(requests) > limit:
            raise RuntimeError(f"CUDA out of memory (injected: a pass of {len(requests)} > {limit})")
        return self.run_pass(pad_to_bucket(requests, self.settings.pass_buckets))[: len(requests)]


def warm_up(service: GenerationService) -> None:
    """One pass per bucket (or a single pass) at the default size, e.g. to compile up front."""
    from PIL import Image

    d = service.settings.defaults
    blank = Image.new("RGB", (d.width, d.height), "white")
    request = GenerationRequest(
        prompt="warm-up", negative_prompt="", image=blank, strength=d.strength,
        controlnet_conditioning_scale=d.controlnet_conditioning_scale, guidance_scale=d.guidance_scale,
        num_inference_steps=d.num_inference_steps, seed=0, width=d.width, height=d.height,
    )
    for size in service.settings.pass_buckets or (1,):
        started = time.perf_counter()
        service.run_pass([request] * size)
        log.info("warm-up pass of %d took %.1f s", size, time.perf_counter() - started)


def classify_failure(exc: Exception) -> ItemError:
    if "out of memory" in str(exc).lower():
        return OutOfMemory("the accelerator ran out of memory; retry later or with a smaller batch")
    return InferenceFailed(f"inference failed: {type(exc).__name__}")


def error_reply(err: ItemError) -> ItemReply:
    return ItemReply(err.status, json.dumps(err.to_json()).encode("utf-8"), JSON_CONTENT_TYPE)
