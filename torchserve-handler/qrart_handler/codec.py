"""The reply format: one NPY array (uint8, height x width x 3) per request."""
from __future__ import annotations

import io

import numpy as np

NPY_CONTENT_TYPE = "application/x-npy"


def encode_npy(image: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(image, dtype=np.uint8), allow_pickle=False)
    return buffer.getvalue()


def decode_npy(data: bytes) -> np.ndarray:
    return np.load(io.BytesIO(data), allow_pickle=False)
