"""Which requests can share one denoising pass.

Grouping rule: two requests share a pass exactly when they have the same output
size (width, height) and run the same denoising timesteps. For img2img the
timesteps run are fixed by `num_inference_steps` and by
`t_start = steps - min(int(steps * strength), steps)` (as in diffusers), so the
key is (width, height, steps, t_start). Everything else - prompt, negative
prompt, seed, guidance scale, conditioning scale, the QR image - is per sample
inside the pass, the control window too: the ControlNet runs only for the rows
inside their window at each step. A compiled model is the exception: a ControlNet
call on a subset of the rows is a new input shape for it, so with `compile` on the
key adds the steps the ControlNet runs at. Groups larger than `max_pass_batch` are
split in arrival order.
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
    # The step indices the ControlNet runs at, only where the grouping needs them.
    control_steps: range | None = None


def first_step(steps: int, strength: float) -> int:
    """Index of the first timestep an img2img run at this strength executes."""
    return steps - min(int(steps * strength), steps)


def steps_run(steps: int, strength: float) -> int:
    """How many denoising steps an img2img run at this strength executes."""
    return steps - first_step(steps, strength)


def control_steps(steps_run: int, start: float, end: float) -> range:
    """The step indices the ControlNet runs at, by diffusers' rule: step i of n runs
    when i / n >= start and (i + 1) / n <= end."""
    first = next((i for i in range(steps_run) if i / steps_run >= start), steps_run)
    last = max((i for i in range(steps_run) if (i + 1) / steps_run <= end), default=-1)
    return range(first, max(first, last + 1))


def request_control_steps(request: GenerationRequest) -> range:
    return control_steps(
        steps_run(request.num_inference_steps, request.strength),
        request.control_guidance_start, request.control_guidance_end,
    )


def pass_key(request: GenerationRequest, by_control_window: bool = False) -> PassKey:
    return PassKey(
        request.width,
        request.height,
        request.num_inference_steps,
        first_step(request.num_inference_steps, request.strength),
        request_control_steps(request) if by_control_window else None,
    )


def plan_passes(
    indexed: Sequence[tuple[int, GenerationRequest]], max_pass_batch: int, by_control_window: bool = False,
) -> list[tuple[PassKey, list[tuple[int, GenerationRequest]]]]:
    """Split (batch index, request) pairs into as few passes as the rule allows."""
    groups: OrderedDict[PassKey, list] = OrderedDict()
    for item in indexed:
        groups.setdefault(pass_key(item[1], by_control_window), []).append(item)
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
