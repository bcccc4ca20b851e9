"""The batched SD 1.5 + QR ControlNet img2img pass.

Uses the components of diffusers' StableDiffusionControlNetImg2ImgPipeline but
runs its own loop, so that per-sample guidance scale, conditioning scale, seed
and prompt are honoured inside one pass (the stock pipeline takes scalars).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from .grouping import first_step
from .inputs import GenerationRequest

# Deterministic schedulers only: an ancestral (noise-adding) step would need a
# per-sample generator inside scheduler.step, which diffusers does not offer.
SCHEDULERS = (
    "UniPCMultistepScheduler",
    "DPMSolverMultistepScheduler",
    "DDIMScheduler",
    "EulerDiscreteScheduler",
    "PNDMScheduler",
)


@dataclass
class Components:
    """The parts of the pipeline a pass needs, already on their device."""

    vae: Any
    text_encoder: Any
    tokenizer: Any
    unet: Any
    controlnet: Any
    scheduler_class: type
    scheduler_config: Any
    device: torch.device
    dtype: torch.dtype


class BatchedImg2Img:
    """Runs one group of requests (same size and timesteps) in one denoising pass."""

    def __init__(self, components: Components):
        self.c = components

    @torch.inference_mode()
    def run(self, requests: Sequence[GenerationRequest]) -> list[np.ndarray]:
        steps = requests[0].num_inference_steps
        t_start = first_step(steps, requests[0].strength)
        generators = [torch.Generator("cpu").manual_seed(r.seed) for r in requests]
        use_cfg = any(r.guidance_scale > 1.0 for r in requests)

        embeds = self._prompt_embeddings(requests, use_cfg)
        control = self._pixels(requests)
        init = control * 2.0 - 1.0
        if use_cfg:
            control = torch.cat([control, control])
        scheduler, timesteps = self._schedule(steps, t_start)
        latents = self._noised_latents(init, generators, scheduler, timesteps[:1])

        guidance = self._per_sample([r.guidance_scale for r in requests])
        cond_scale = self._per_sample([r.controlnet_conditioning_scale for r in requests])
        if use_cfg:
            cond_scale = torch.cat([cond_scale, cond_scale])
        for t in timesteps:
            noise = self._predict_noise(latents, t, embeds, control, cond_scale, scheduler, use_cfg)
            if use_cfg:
                uncond, text = noise.chunk(2)
                noise = uncond + guidance * (text - uncond)
            latents = scheduler.step(noise, t, latents, return_dict=False)[0]
        return self._decode(latents)

    def _per_sample(self, values: list[float]) -> torch.Tensor:
        return torch.tensor(values, device=self.c.device, dtype=self.c.dtype).view(-1, 1, 1, 1)

    def _encode_text(self, texts: list[str]) -> torch.Tensor:
        tok = self.c.tokenizer
        ids = tok(texts, padding="max_length", max_length=tok.model_max_length, truncation=True, return_tensors="pt")
        out = self.c.text_encoder(ids.input_ids.to(self.c.device))[0]
        return out.to(self.c.dtype)

    def _prompt_embeddings(self, requests, use_cfg: bool) -> torch.Tensor:
        positive = self._encode_text([r.prompt for r in requests])
        if not use_cfg:
            return positive
        negative = self._encode_text([r.negative_prompt for r in requests])
        return torch.cat([negative, positive])

    def _pixels(self, requests) -> torch.Tensor:
        """The QR images in [0, 1], as the ControlNet takes them (img2img wants [-1, 1])."""
        arrays = np.stack([np.asarray(r.image, dtype=np.float32) / 255.0 for r in requests])
        return torch.from_numpy(arrays).permute(0, 3, 1, 2).to(self.c.device, self.c.dtype)

    def _schedule(self, steps: int, t_start: int):
        scheduler = self.c.scheduler_class.from_config(self.c.scheduler_config)
        scheduler.set_timesteps(steps, device=self.c.device)
        begin = t_start * scheduler.order
        if hasattr(scheduler, "set_begin_index"):
            scheduler.set_begin_index(begin)
        return scheduler, scheduler.timesteps[begin:]

    def _randn(self, shape, generators) -> torch.Tensor:
        # Noise is drawn on the CPU, one generator per sample, so a sample's noise
        # does not depend on its batch neighbours or on the device.
        noise = [torch.randn(shape, generator=g, dtype=torch.float32) for g in generators]
        return torch.stack(noise).to(self.c.device, self.c.dtype)

    def _noised_latents(self, init, generators, scheduler, first_timestep) -> torch.Tensor:
        vae = self.c.vae
        dist = vae.encode(init).latent_dist
        sample = dist.mean + dist.std * self._randn(dist.mean.shape[1:], generators)
        latents = sample * vae.config.scaling_factor
        noise = self._randn(latents.shape[1:], generators)
        return scheduler.add_noise(latents, noise, first_timestep.repeat(latents.shape[0]))

    def _predict_noise(self, latents, t, embeds, control, cond_scale, scheduler, use_cfg):
        model_input = torch.cat([latents, latents]) if use_cfg else latents
        model_input = scheduler.scale_model_input(model_input, t)
        down, mid = self.c.controlnet(
            model_input, t, encoder_hidden_states=embeds, controlnet_cond=control,
            conditioning_scale=1.0, return_dict=False,
        )
        down = [residual * cond_scale for residual in down]
        mid = mid * cond_scale
        return self.c.unet(
            model_input, t, encoder_hidden_states=embeds,
            down_block_additional_residuals=down, mid_block_additional_residual=mid, return_dict=False,
        )[0]

    def _decode(self, latents) -> list[np.ndarray]:
        vae = self.c.vae
        images = vae.decode(latents / vae.config.scaling_factor, return_dict=False)[0]
        images = ((images.float() / 2 + 0.5).clamp(0, 1) * 255).round().to(torch.uint8)
        return list(images.permute(0, 2, 3, 1).cpu().numpy())
