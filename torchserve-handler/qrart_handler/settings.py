"""Handler settings, read from the `handler:` section of model-config.yaml.

model-config.yaml (model-archiver/) is the one home of every value: these classes name and type
the settings, and every key must be present (the archive always carries the whole section).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any


class SettingsError(ValueError):
    """The handler section of model-config.yaml is invalid."""


@dataclass(frozen=True)
class Limits:
    """Bounds every request is validated against before it joins a batch."""

    allowed_sizes: tuple[int, ...]
    max_prompt_chars: int
    max_image_bytes: int
    min_steps: int
    max_steps: int
    max_guidance_scale: float
    max_conditioning_scale: float
    max_seed: int


@dataclass(frozen=True)
class Defaults:
    """Values used when a request leaves a parameter out (the original system's knobs)."""

    negative_prompt: str
    strength: float
    controlnet_conditioning_scale: float
    guidance_scale: float
    # The ControlNet runs from this fraction of the denoising steps to that one.
    control_guidance_start: float
    control_guidance_end: float
    num_inference_steps: int
    width: int
    height: int


@dataclass(frozen=True)
class HandlerSettings:
    """Everything tunable about the model server's handler."""

    # Where the weights are: "bundled" (a pipeline folder inside the archive) or a path.
    pipeline_path: str
    # Optional separate ControlNet folder (real weights: SD 1.5 base + QR ControlNet).
    controlnet_path: str
    # Weight file variant of each ("" = the fp32 files, "fp16" = *.fp16.safetensors).
    weights_variant: str
    controlnet_variant: str
    # Scheduler class name from diffusers; must be deterministic (see pipeline.SCHEDULERS).
    scheduler: str
    # "auto" picks CUDA when present; "cpu" or "cuda" force it.
    device: str
    # float32, float16 or bfloat16; float32 is forced on the CPU.
    dtype: str
    # Largest number of images in one denoising pass; bigger groups are split.
    max_pass_batch: int
    # Optimisations: channels_last memory format, fused QKV projections, torch.compile.
    channels_last: bool
    fuse_qkv: bool
    compile: bool
    # torch.compile mode: "default" compiles in about a minute per batch size;
    # "max-autotune-no-cudagraphs" tunes kernels for longer and may run faster.
    compile_mode: str
    # Pad each pass up to the next of these sizes (e.g. [1, 2, 4, 8, 16]) so a compiled
    # model sees a few fixed shapes instead of recompiling for every batch size; empty = no padding.
    pass_buckets: tuple[int, ...]
    # Run one pass per bucket at the default size when the worker starts (compiles up front).
    warmup: bool
    # Fraction of the denoising steps run with classifier-free guidance; the rest run the
    # conditional half only (about half the UNet and ControlNet work). 1.0 = guidance throughout.
    cfg_cutoff: float
    # From this fraction of the denoising steps on, the ControlNet runs every other step and its
    # residuals are reused at the step after. 1.0 = it runs at every step.
    control_reuse_from: float
    # Fault injection for CPU tests: every pass of more items raises out of memory; 0 = off.
    inject_oom_above_pass: int
    limits: Limits
    defaults: Defaults

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
        for name in ("cfg_cutoff", "control_reuse_from"):
            if not 0.0 < getattr(settings, name) <= 1.0:
                raise SettingsError(f"handler.{name} must be in (0, 1], got {getattr(settings, name)}")
        if settings.inject_oom_above_pass and settings.device != "cpu":
            raise SettingsError("handler.inject_oom_above_pass is a CPU test setting; it needs device: cpu")
        return settings


def _build(kind, raw: Mapping[str, Any] | None, section: str, nested: Mapping[str, Any] | None = None):
    raw = dict(raw or {})
    nested = dict(nested or {})
    types = {f.name: f.type for f in fields(kind) if f.name not in nested}
    unknown = sorted(set(raw) - set(types))
    if unknown:
        raise SettingsError(f"unknown key(s) in {section}: {', '.join(unknown)}")
    missing = sorted(set(types) - set(raw))
    if missing:
        raise SettingsError(f"missing key(s) in {section}: {', '.join(missing)}")
    values = {name: _coerce(value, types[name], f"{section}.{name}") for name, value in raw.items()}
    return kind(**values, **nested)


_COERCE = {"int": int, "float": float, "str": str}


def _coerce(value, kind: str, where: str):
    try:
        if kind == "bool":
            if not isinstance(value, bool):
                raise TypeError("must be true or false")
            return value
        if kind == "tuple[int, ...]":
            return tuple(int(v) for v in value)
        return _COERCE[kind](value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{where}: {exc}") from exc


def merged(section: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict:
    """The handler section with some keys replaced; `limits` and `defaults` merge key by key."""
    result = {key: dict(value) if isinstance(value, Mapping) else value for key, value in section.items()}
    for key, value in overrides.items():
        if isinstance(value, Mapping) and isinstance(result.get(key), dict):
            result[key].update(value)
        else:
            result[key] = value
    return result
