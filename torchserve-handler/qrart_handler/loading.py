"""Load pipeline components from a folder of diffusers weights."""
from __future__ import annotations

import gc
import logging
import os

import torch

from .pipeline import SCHEDULERS, Components
from .settings import HandlerSettings, SettingsError

log = logging.getLogger(__name__)

DTYPES = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def pick_device(setting: str, gpu_id: int | None = None) -> torch.device:
    if setting == "cpu" or (setting == "auto" and not torch.cuda.is_available()):
        return torch.device("cpu")
    if setting not in ("auto", "cuda"):
        raise SettingsError(f"handler.device must be auto, cpu or cuda, got {setting}")
    return torch.device(f"cuda:{gpu_id or 0}")


def pick_dtype(setting: str, device: torch.device) -> torch.dtype:
    if setting not in DTYPES:
        raise SettingsError(f"handler.dtype must be one of {', '.join(DTYPES)}, got {setting}")
    # Half precision convolutions are slow or missing on the CPU.
    return torch.float32 if device.type == "cpu" else DTYPES[setting]


def resolve(path: str, model_dir: str) -> str:
    path = os.path.expandvars(os.path.expanduser(path))
    return path if os.path.isabs(path) else os.path.join(model_dir, path)


def load_components(settings: HandlerSettings, model_dir: str, gpu_id: int | None = None) -> Components:
    # Imported here so validation and grouping stay importable without diffusers.
    import diffusers
    import transformers

    diffusers.utils.logging.disable_progress_bar()
    transformers.utils.logging.disable_progress_bar()
    if settings.scheduler not in SCHEDULERS:
        raise SettingsError(f"handler.scheduler must be one of {', '.join(SCHEDULERS)}")
    device = pick_device(settings.device, gpu_id)
    dtype = pick_dtype(settings.dtype, device)
    pipeline_path = resolve(settings.pipeline_path, model_dir)
    extra = {}
    if settings.controlnet_path:
        controlnet_path = resolve(settings.controlnet_path, model_dir)
        extra["controlnet"] = diffusers.ControlNetModel.from_pretrained(
            controlnet_path, dtype=dtype, variant=settings.controlnet_variant or None, local_files_only=True,
        )
    log.info("loading pipeline from %s on %s as %s", pipeline_path, device, dtype)
    pipe = diffusers.StableDiffusionControlNetImg2ImgPipeline.from_pretrained(
        pipeline_path, dtype=dtype, safety_checker=None, feature_extractor=None,
        requires_safety_checker=False, local_files_only=True, variant=settings.weights_variant or None, **extra,
    )
    pipe.to(device)
    components = Components(
        vae=pipe.vae, text_encoder=pipe.text_encoder, tokenizer=pipe.tokenizer, unet=pipe.unet,
        controlnet=pipe.controlnet, scheduler_class=getattr(diffusers, settings.scheduler),
        scheduler_config=pipe.scheduler.config, device=device, dtype=dtype,
    )
    apply_optimisations(components, settings)
    return components


def apply_optimisations(c: Components, settings: HandlerSettings) -> None:
    """The speed options of model-config.yaml; each is off unless configured."""
    for model in (c.unet, c.controlnet, c.vae, c.text_encoder):
        model.eval().requires_grad_(False)
    if settings.fuse_qkv:
        for model in (c.unet, c.controlnet, c.vae):
            if hasattr(model, "fuse_qkv_projections"):
                model.fuse_qkv_projections()
    if settings.channels_last:
        for model in (c.unet, c.controlnet, c.vae):
            model.to(memory_format=torch.channels_last)
    if settings.compile:
        mode = settings.compile_mode
        c.unet = torch.compile(c.unet, mode=mode)
        c.controlnet = torch.compile(c.controlnet, mode=mode)
        c.vae.decode = torch.compile(c.vae.decode, mode=mode)


def free_accelerator_memory() -> None:
    """Gives the accelerator's cached blocks back after a pass ran out of memory."""
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
