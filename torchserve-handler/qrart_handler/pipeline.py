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

from .grouping import control_steps, first_step
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


@dataclass(frozen=True)
class PassOptions:
    """Compute savings that apply to every pass (model-config.yaml's handler section)."""

    # Fraction of the steps run with classifier-free guidance; 1.0 = all of them.
    cfg_cutoff: float = 1.0
    # From this fraction of the steps on, the ControlNet runs every other step and its residuals
    # are reused at the step after; 1.0 = it runs at every step.
    control_reuse_from: float = 1.0


def reuses_control(step: int, steps_run: int, reuse_from: float) -> bool:
    """Whether this step reuses the previous step's ControlNet residuals instead of running it."""
    first = steps_run if reuse_from >= 1.0 else int(steps_run * reuse_from)
    return step > first and (step - first) % 2 == 1


def guided_steps(steps_run: int, cfg_cutoff: float) -> int:
    """How many of the first steps keep classifier-free guidance (diffusers' SDCFGCutoffCallback rule)."""
    return steps_run if cfg_cutoff >= 1.0 else int(steps_run * cfg_cutoff)


@dataclass(frozen=True)
class _Conditioning:
    """Per-row inputs of one model call: text embeddings, control image, conditioning scale."""

    embeds: torch.Tensor
    control: torch.Tensor
    scale: torch.Tensor

    def with_unconditional(self, negative: torch.Tensor) -> _Conditioning:
        """The classifier-free guidance batch: negative-prompt rows first, then these."""
        return _Conditioning(
            embeds=torch.cat([negative, self.embeds]),
            control=torch.cat([self.control, self.control]),
            scale=torch.cat([self.scale, self.scale]),
        )


def _spread(residual: torch.Tensor, rows, batch: int) -> torch.Tensor:
    """A residual computed for some rows, as the full batch with zeros in the other rows."""
    if rows is None:
        return residual
    full = residual.new_zeros((batch, *residual.shape[1:]))
    full[rows] = residual
    return full


class _ResidualCache:
    """The last ControlNet residuals of a pass, for a step that reuses them. After the guidance
    cut-off the batch holds only the conditional rows: the second half of the cached rows."""

    def __init__(self):
        self.reuse_now = False
        self.active: list[bool] | None = None
        self.residuals = None

    def keep(self, active: list[bool], down, mid) -> None:
        self.active, self.residuals = active, (down, mid)

    def take(self, active: list[bool]):
        if self.residuals is None or self.residuals[0] is None:
            return None
        down, mid = self.residuals
        if len(self.active) == 2 * len(active):
            half = len(active)
            self.active, down, mid = self.active[half:], [r[half:] for r in down], mid[half:]
        return (down, mid) if self.active == active else None


class BatchedImg2Img:
    """Runs one group of requests (same size and timesteps) in one denoising pass."""

    def __init__(self, components: Components, options: PassOptions | None = None):
        self.c = components
        self.options = options or PassOptions()

    @torch.inference_mode()
    def run(self, requests: Sequence[GenerationRequest]) -> list[np.ndarray]:
        steps = requests[0].num_inference_steps
        generators = [torch.Generator("cpu").manual_seed(r.seed) for r in requests]
        use_cfg = any(r.guidance_scale > 1.0 for r in requests)

        positive = self._encode_text([r.prompt for r in requests])
        negative = self._encode_text([r.negative_prompt for r in requests]) if use_cfg else None
        control = self._pixels(requests)
        scheduler, timesteps = self._schedule(steps, first_step(steps, requests[0].strength))
        latents = self._noised_latents(control * 2.0 - 1.0, generators, scheduler, timesteps[:1])

        sample = _Conditioning(
            embeds=positive, control=control,
            scale=self._per_sample([r.controlnet_conditioning_scale for r in requests]),
        )
        guidance = self._per_sample([r.guidance_scale for r in requests])
        guided = guided_steps(len(timesteps), self.options.cfg_cutoff) if use_cfg else 0
        # From the timesteps the scheduler runs, as diffusers counts them (PNDM runs one extra).
        windows = [
            control_steps(len(timesteps), r.control_guidance_start, r.control_guidance_end) for r in requests
        ]
        cache = _ResidualCache()
        for i, t in enumerate(timesteps):
            active = [i in window for window in windows]
            cache.reuse_now = reuses_control(i, len(timesteps), self.options.control_reuse_from)
            model_input = scheduler.scale_model_input(latents, t)
            if i < guided:
                uncond, text = self._predict_noise(
                    torch.cat([model_input, model_input]), t, sample.with_unconditional(negative), active * 2, cache,
                ).chunk(2)
                noise = uncond + guidance * (text - uncond)
            else:
                noise = self._predict_noise(model_input, t, sample, active, cache)
            latents = scheduler.step(noise, t, latents, return_dict=False)[0]
        return self._decode(latents)

    def _per_sample(self, values: list[float]) -> torch.Tensor:
        return torch.tensor(values, device=self.c.device, dtype=self.c.dtype).view(-1, 1, 1, 1)

    def _encode_text(self, texts: list[str]) -> torch.Tensor:
        tok = self.c.tokenizer
        ids = tok(texts, padding="max_length", max_length=tok.model_max_length, truncation=True, return_tensors="pt")
        out = self.c.text_encoder(ids.input_ids.to(self.c.device))[0]
        return out.to(self.c.dtype)

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

    def _predict_noise(self, model_input, t, cond: _Conditioning, active: list[bool], cache) -> torch.Tensor:
        reused = cache.take(active) if cache.reuse_now else None
        down, mid = reused or self._control_residuals(model_input, t, cond, active)
        cache.keep(active, down, mid)
        return self.c.unet(
            model_input, t, encoder_hidden_states=cond.embeds,
            down_block_additional_residuals=down, mid_block_additional_residual=mid, return_dict=False,
        )[0]

    def _control_residuals(self, model_input, t, cond: _Conditioning, active: list[bool]):
        """The ControlNet's residuals for the rows inside their control window, zero for the others;
        the ControlNet does not run at all for rows outside it."""
        if not any(active):
            return None, None
        rows = None if all(active) else torch.tensor(
            [k for k, on in enumerate(active) if on], device=model_input.device,
        )
        pick = (lambda x: x) if rows is None else (lambda x: x[rows])
        down, mid = self.c.controlnet(
            pick(model_input), t, encoder_hidden_states=pick(cond.embeds), controlnet_cond=pick(cond.control),
            conditioning_scale=1.0, return_dict=False,
        )
        scale = pick(cond.scale)
        return [_spread(r * scale, rows, len(active)) for r in down], _spread(mid * scale, rows, len(active))

    def _decode(self, latents) -> list[np.ndarray]:
        vae = self.c.vae
        images = vae.decode(latents / vae.config.scaling_factor, return_dict=False)[0]
        images = ((images.float() / 2 + 0.5).clamp(0, 1) * 255).round().to(torch.uint8)
        return list(images.permute(0, 2, 3, 1).cpu().numpy())
