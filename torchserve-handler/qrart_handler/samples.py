"""Sample generation requests for the handler tests and the CPU benchmark."""
from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import yaml
from PIL import Image

from .settings import HandlerSettings, merged

# The shipped model configuration, in a checkout of the repository (tests and benchmarks only).
MODEL_CONFIG = Path(__file__).resolve().parents[2] / "model-archiver" / "model-config.yaml"

# Few steps keep the CPU tests quick; strength 0.5 of 4 steps runs 2 denoising steps.
FAST = {"num_inference_steps": 4, "strength": 0.5}


def qr_like_png(size=512, seed=0, modules=29) -> str:
    """A black-and-white module pattern the size of a QR control image, as base64 PNG."""
    rng = np.random.default_rng(seed)
    grid = rng.integers(0, 2, (modules, modules), dtype=np.uint8) * 255
    pixels = np.kron(grid, np.ones((size // modules + 1,) * 2, dtype=np.uint8))[:size, :size]
    buffer = io.BytesIO()
    Image.fromarray(pixels).convert("RGB").save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def make_request(**overrides) -> dict:
    body = {"prompt": "a 3D castle in the clouds, fine art", "image": qr_like_png(), "seed": 7, **FAST}
    body.update(overrides)
    return body


def shipped_section() -> dict:
    """The `handler:` section of the shipped model-config.yaml."""
    with open(MODEL_CONFIG, encoding="utf-8") as f:
        return yaml.safe_load(f)["handler"]


def shipped_settings(**overrides) -> HandlerSettings:
    """The shipped handler settings with some keys replaced (`limits` / `defaults` key by key)."""
    return HandlerSettings.from_mapping(merged(shipped_section(), overrides))
