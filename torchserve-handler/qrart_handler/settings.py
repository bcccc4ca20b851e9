"""Handler settings, read from the `handler:` section of model-config.yaml."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any


class SettingsError(ValueError):
    """The handler section of model-config.yaml is invalid."""


@dataclass(frozen=True)
class Limits:
    """Bounds every request is validated against before it joins a batch."""

    allowed_sizes: tuple[int, ...] = (512, 768)
    max_prompt_chars: int = 1000
    max_image_bytes: int = 4 * 1024 * 1024
    min_steps: int = 1
    max_steps: int = 100
    max_guidance_scale: float = 30.0
    max_conditioning_scale: float = 4.0
    max_seed: int = 2**63 - 1


@dataclass(frozen=True)
class Defaults:
    """Values used when a request leaves a parameter out (the original system's knobs)."""

    negative_prompt: str = ""
    strength: float = 0.9
    controlnet_conditioning_scale: float = 1.3
    guidance_scale: float = 7.5
    num_inference_steps: int = 30
    width: int = 512
    height: int = 512


@dataclass(frozen=True)
class HandlerSettings:
    """Everything tunable about the model server's handler."""

    # Where the weights are: "bundled" (a pipeline folder inside the archive) or a path.
    pipeline_path: str = "pipeline"
    # Optional separate ControlNet folder (real weights: SD 1.5 base + QR ControlNet).
    controlnet_path: str = ""
    # Scheduler class name from diffusers; must be deterministic (see pipeline.SCHEDULERS).
    scheduler: str = "UniPCMultistepScheduler"
    # "auto" picks CUDA when present; "cpu" or "cuda" force it.
    device: str = "auto"
    # float32, float16 or bfloat16; float32 is forced on the CPU.
    dtype: str = "float16"
    # Largest number of images in one denoising pass; bigger groups are split.
    max_pass_batch: int = 16
    # Optimisations (issue 6): channels_last memory format, fused QKV projections, torch.compile.
    channels_last: bool = False
    fuse_qkv: bool = False
    compile: bool = False
    # torch.compile mode: "default" compiles in about a minute per batch size;
    # "max-autotune-no-cudagraphs" tunes kernels for longer and may run faster.
    compile_mode: str = "default"
    # Pad each pass up to the next of these sizes (e.g. [1, 2, 4, 8, 16]) so a compiled
    # model sees a few fixed shapes instead of recompiling for every batch size; empty = no padding.
    pass_buckets: tuple[int, ...] = ()
    # Run one pass per bucket at the default size when the worker starts (compiles up front).
    warmup: bool = False
    limits: Limits = field(default_factory=Limits)
    defaults: Defaults = field(default_factory=Defaults)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any] | None) -> HandlerSettings:
        raw = dict(raw or {})
        nested = {
            "limits": _build(Limits, raw.pop("limits", None), "handler.limits"),
            "defaults": _build(Defaults, raw.pop("defaults", None), "handler.defaults"),
        }
        settings = _build(cls, raw, "handler", nested)
        if settings.pass_buckets and max(settings.pass_buckets) < settings.max_pass_batch:
            raise SettingsError("handler.pass_buckets must reach handler.max_pass_batch")
        return settings


def _build(kind, raw: Mapping[str, Any] | None, section: str, nested: Mapping[str, Any] | None = None):
    raw = dict(raw or {})
    nested = dict(nested or {})
    known = {f.name for f in fields(kind)} - set(nested)
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SettingsError(f"unknown key(s) in {section}: {', '.join(unknown)}")
    template = kind()
    values = {name: _coerce(value, getattr(template, name), f"{section}.{name}") for name, value in raw.items()}
    return kind(**values, **nested)


def _coerce(value, default, where):
    try:
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise TypeError("must be true or false")
            return value
        if isinstance(default, tuple):
            return tuple(int(v) for v in value)
        return type(default)(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{where}: {exc}") from exc
