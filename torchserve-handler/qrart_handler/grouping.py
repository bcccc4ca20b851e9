"""Which requests can share one denoising pass.

Grouping rule: two requests share a pass exactly when they have the same output
size (width, height) and run the same denoising timesteps. For img2img the
timesteps run are fixed by `num_inference_steps` and by
`t_start = steps - min(int(steps * strength), steps)` (as in diffusers), so the
key is (width, height, steps, t_start). Everything else - prompt, negative
prompt, seed, guidance scale, conditioning scale, the QR image - is per sample
inside the pass. Groups larger than `max_pass_batch` are split in arrival order.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import NamedTuple

from .inputs import GenerationRequest


class PassKey(NamedTuple):
    width: int
    height: int
    steps: int
    t_start: int


def first_step(steps: int, strength: float) -> int:
    """Index of the first timestep an img2img run at this strength executes."""
    return steps - min(int(steps * strength), steps)


def pass_key(request: GenerationRequest) -> PassKey:
    return PassKey(
        request.width,
        request.height,
        request.num_inference_steps,
        first_step(request.num_inference_steps, request.strength),
    )


def plan_passes(
    indexed: Sequence[tuple[int, GenerationRequest]], max_pass_batch: int
) -> list[tuple[PassKey, list[tuple[int, GenerationRequest]]]]:
    """Split (batch index, request) pairs into as few passes as the rule allows."""
    groups: OrderedDict[PassKey, list] = OrderedDict()
    for item in indexed:
        groups.setdefault(pass_key(item[1]), []).append(item)
    passes = []
    for key, members in groups.items():
        for start in range(0, len(members), max_pass_batch):
            passes.append((key, members[start : start + max_pass_batch]))
    return passes


def pad_to_bucket(requests: list, buckets: Sequence[int]) -> list:
    """Repeat the last request up to the smallest bucket that holds the group.

    The padding rows share the group's pass key, so they change nothing for the
    real rows (each has its own noise); their outputs are dropped."""
    fitting = [b for b in sorted(buckets) if b >= len(requests)]
    if not fitting:
        return list(requests)
    return list(requests) + [requests[-1]] * (fitting[0] - len(requests))
