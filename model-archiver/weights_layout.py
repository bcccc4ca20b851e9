"""What a folder of real weights must hold, and which files to fetch from the hub.

SD 1.5 (stable-diffusion-v1-5/stable-diffusion-v1-5) and QR Code Monster (monster-labs/...,
folder v2) ship every weight several times: fp32 and fp16 safetensors, .bin copies, non-EMA
UNets, single-file checkpoints. The handler needs one safetensors file per component, in the
variant it runs (fp16 on a GPU, fp32 on the CPU, the other one when only that is present).
"""
from __future__ import annotations

import os
from collections.abc import Iterable

# Component folder -> weight file stem (diffusers' names).
BASE_COMPONENTS = {"unet": "diffusion_pytorch_model", "vae": "diffusion_pytorch_model", "text_encoder": "model"}
BASE_FILES = ["model_index.json", "scheduler/scheduler_config.json", "tokenizer/tokenizer_config.json"]
# CLIP's BPE files as the SD 1.5 repository holds them, or one tokenizer.json as transformers saves it.
TOKENIZER_FILES = (["tokenizer/vocab.json", "tokenizer/merges.txt"], ["tokenizer/tokenizer.json"])
BASE_OPTIONAL = ["tokenizer/special_tokens_map.json", *(name for names in TOKENIZER_FILES for name in names)]
CONTROLNET_STEM = "diffusion_pytorch_model"


class WeightsLayoutError(ValueError):
    """A weights folder lacks a file the handler needs; the message names it."""


def weight_file(stem: str, variant: str) -> str:
    return f"{stem}.{variant}.safetensors" if variant else f"{stem}.safetensors"


def pick_variant(files: Iterable[str], prefix: str, stem: str, wanted: str) -> str | None:
    """The variant to load for one component: the wanted one when present, else the other, else None."""
    present = set(files)
    for variant in (wanted, "" if wanted else "fp16"):
        if f"{prefix}{weight_file(stem, variant)}" in present:
            return variant
    return None


def base_variant(folder: str, wanted: str) -> str:
    """Checks an SD 1.5 folder; returns the variant all its components share."""
    missing = [name for name in BASE_FILES if not os.path.isfile(os.path.join(folder, name))]
    tokenizer_missing = [
        [name for name in names if not os.path.isfile(os.path.join(folder, name))] for names in TOKENIZER_FILES
    ]
    if all(tokenizer_missing):
        missing += tokenizer_missing[0]
    if missing:
        raise WeightsLayoutError(f"SD 1.5 weights folder {folder} is missing {missing[0]}")
    what = f"SD 1.5 weights folder {folder}"
    variants = {
        _component_variant(os.path.join(folder, component), stem, wanted, what, component + "/")
        for component, stem in BASE_COMPONENTS.items()
    }
    if len(variants) > 1:
        raise WeightsLayoutError(f"SD 1.5 weights folder {folder} mixes fp16 and fp32 components; keep one variant")
    return variants.pop()


def controlnet_variant(folder: str, wanted: str) -> str:
    return _component_variant(folder, CONTROLNET_STEM, wanted, f"ControlNet weights folder {folder}", "")


def _component_variant(folder: str, stem: str, wanted: str, what: str, shown: str) -> str:
    """`what` names the weights folder in messages; `shown` is the component's path inside it."""
    if not os.path.isfile(os.path.join(folder, "config.json")):
        raise WeightsLayoutError(f"{what} is missing {shown}config.json")
    files = os.listdir(folder)
    variant = pick_variant(files, "", stem, wanted)
    if variant is None:
        raise WeightsLayoutError(
            f"{what} is missing {shown}{weight_file(stem, wanted)} "
            f"(or {shown}{weight_file(stem, '' if wanted else 'fp16')})"
        )
    return variant


def base_download(repo_files: Iterable[str], wanted: str) -> list[str]:
    """The SD 1.5 files to fetch: configs, tokenizer and one safetensors file per component."""
    files = list(repo_files)
    patterns = BASE_FILES + [name for name in BASE_OPTIONAL if name in files]
    for component, stem in BASE_COMPONENTS.items():
        variant = pick_variant(files, f"{component}/", stem, wanted)
        if variant is None:
            raise WeightsLayoutError(f"the hub repository has no {component}/{weight_file(stem, wanted)}")
        patterns += [f"{component}/config.json", f"{component}/{weight_file(stem, variant)}"]
    return patterns


def controlnet_download(repo_files: Iterable[str], subfolder: str, wanted: str) -> list[str]:
    files = list(repo_files)
    variant = pick_variant(files, f"{subfolder}/", CONTROLNET_STEM, wanted)
    if variant is None:
        raise WeightsLayoutError(f"the hub repository has no {subfolder}/{weight_file(CONTROLNET_STEM, wanted)}")
    return [f"{subfolder}/config.json", f"{subfolder}/{weight_file(CONTROLNET_STEM, variant)}"]
