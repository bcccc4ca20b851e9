"""Sample generation requests for the handler tests and the CPU benchmark."""
from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image

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
