"""Parse and validate one inference request, before it may join a batch."""
from __future__ import annotations

import base64
import binascii
import io
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PIL import Image, UnidentifiedImageError

from .errors import InvalidRequest, PayloadTooLarge
from .settings import Defaults, Limits

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

KNOWN_FIELDS = frozenset(
    {
        "prompt",
        "negative_prompt",
        "image",
        "strength",
        "controlnet_conditioning_scale",
        "guidance_scale",
        "control_guidance_start",
        "control_guidance_end",
        "num_inference_steps",
        "seed",
        "width",
        "height",
        "request_id",
    }
)


@dataclass(frozen=True)
class GenerationRequest:
    """One validated request; `image` is both the img2img init and the control image."""

    prompt: str
    negative_prompt: str
    image: Image.Image
    strength: float
    controlnet_conditioning_scale: float
    guidance_scale: float
    num_inference_steps: int
    seed: int
    width: int
    height: int
    request_id: str | None = None
    # The fraction of the denoising steps the ControlNet runs for (diffusers' rule).
    control_guidance_start: float = 0.0
    control_guidance_end: float = 1.0


def decode_body(raw: Any) -> Mapping[str, Any]:
    """TorchServe hands the body over as a dict (JSON), str (text/*) or bytes."""
    if isinstance(raw, (bytes, bytearray)):
        try:
            raw = bytes(raw).decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidRequest("request body is not valid UTF-8 JSON", "body") from None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InvalidRequest(f"request body is not valid JSON: {exc.msg} at position {exc.pos}", "body") from None
    if not isinstance(raw, Mapping):
        raise InvalidRequest("request body must be a JSON object", "body")
    return raw


def parse_request(raw: Any, limits: Limits, defaults: Defaults) -> GenerationRequest:
    body = decode_body(raw)
    unknown = sorted(set(body) - KNOWN_FIELDS)
    if unknown:
        raise InvalidRequest(f"unknown field '{unknown[0]}'", unknown[0])
    width = _size(body, "width", defaults.width, limits)
    height = _size(body, "height", defaults.height, limits)
    steps = _integer(body, "num_inference_steps", defaults.num_inference_steps, limits.min_steps, limits.max_steps)
    strength = _number(body, "strength", defaults.strength, 0.0, 1.0, low_open=True)
    if int(steps * strength) < 1:
        raise InvalidRequest(
            f"strength {strength} with num_inference_steps {steps} runs no denoising step; "
            "raise one of them",
            "strength",
        )
    control_start, control_end = _control_window(body, defaults)
    return GenerationRequest(
        prompt=_prompt(body, "prompt", None, limits),
        negative_prompt=_prompt(body, "negative_prompt", defaults.negative_prompt, limits),
        image=_image(body, width, height, limits),
        strength=strength,
        controlnet_conditioning_scale=_number(
            body, "controlnet_conditioning_scale", defaults.controlnet_conditioning_scale,
            0.0, limits.max_conditioning_scale,
        ),
        guidance_scale=_number(body, "guidance_scale", defaults.guidance_scale, 0.0, limits.max_guidance_scale),
        num_inference_steps=steps,
        seed=_integer(body, "seed", None, 0, limits.max_seed),
        width=width,
        height=height,
        request_id=_request_id(body),
        control_guidance_start=control_start,
        control_guidance_end=control_end,
    )


def _control_window(body, defaults: Defaults) -> tuple[float, float]:
    start = _number(body, "control_guidance_start", defaults.control_guidance_start, 0.0, 1.0)
    end = _number(body, "control_guidance_end", defaults.control_guidance_end, 0.0, 1.0)
    if start >= end:
        raise InvalidRequest(
            f"'control_guidance_end' ({end}) must be greater than 'control_guidance_start' ({start})",
            "control_guidance_end",
        )
    return start, end


def _prompt(body, name, default, limits: Limits) -> str:
    value = body.get(name, default)
    if value is None:
        raise InvalidRequest(f"'{name}' is required", name)
    if not isinstance(value, str):
        raise InvalidRequest(f"'{name}' must be a string", name)
    if default is None and not value.strip():
        raise InvalidRequest(f"'{name}' must not be empty", name)
    if len(value) > limits.max_prompt_chars:
        raise InvalidRequest(f"'{name}' is {len(value)} characters; at most {limits.max_prompt_chars}", name)
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value):
        raise InvalidRequest(f"'{name}' contains control characters", name)
    return value


def _number(body, name, default, low, high, low_open=False) -> float:
    value = body.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidRequest(f"'{name}' must be a number", name)
    value = float(value)
    too_low = value <= low if low_open else value < low
    if not math.isfinite(value) or too_low or value > high:
        bracket = "(" if low_open else "["
        raise InvalidRequest(f"'{name}' must be in {bracket}{low}, {high}], got {value}", name)
    return value


def _integer(body, name, default, low, high) -> int:
    value = body.get(name, default)
    if value is None:
        raise InvalidRequest(f"'{name}' is required", name)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidRequest(f"'{name}' must be an integer", name)
    if value < low or value > high:
        raise InvalidRequest(f"'{name}' must be in [{low}, {high}], got {value}", name)
    return value


def _size(body, name, default, limits: Limits) -> int:
    value = _integer(body, name, default, 1, max(limits.allowed_sizes))
    if value not in limits.allowed_sizes:
        allowed = ", ".join(str(s) for s in limits.allowed_sizes)
        raise InvalidRequest(f"'{name}' must be one of {allowed}, got {value}", name)
    return value


def _request_id(body) -> str | None:
    value = body.get("request_id")
    if value is None:
        return None
    if not isinstance(value, str) or not (0 < len(value) <= 128) or not value.isprintable():
        raise InvalidRequest("'request_id' must be a printable string of 1 to 128 characters", "request_id")
    return value


def _image(body, width: int, height: int, limits: Limits) -> Image.Image:
    value = body.get("image")
    if value is None:
        raise InvalidRequest("'image' is required (base64 PNG of the QR control image)", "image")
    if not isinstance(value, str):
        raise InvalidRequest("'image' must be a base64 string", "image")
    if len(value) > limits.max_image_bytes * 4 // 3 + 4:
        raise PayloadTooLarge(f"'image' is larger than {limits.max_image_bytes} bytes", "image")
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidRequest("'image' is not valid base64", "image") from None
    if not data.startswith(PNG_SIGNATURE):
        raise InvalidRequest("'image' is not a PNG", "image")
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.size != (width, height):
                raise InvalidRequest(
                    f"'image' is {img.size[0]}x{img.size[1]}; it must be {width}x{height} (width x height)", "image"
                )
            return img.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise InvalidRequest("'image' is not a valid PNG", "image") from None
