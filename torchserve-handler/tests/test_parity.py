"""The handler's own denoising loop against stock diffusers on the tiny model (fp32, CPU).

For the same seed, prompt, strength, guidance, conditioning scale, control window and
scheduler, every image the handler makes (alone or inside a mixed batch) must equal what
StableDiffusionControlNetImg2ImgPipeline makes for that request on its own, given a CPU
generator seeded the same way: both draw the VAE sample's noise first, then the img2img noise.
"""
import base64
import io

import numpy as np
import pytest
import torch
from PIL import Image
from qrart_handler.codec import decode_npy
from qrart_handler.samples import make_request, qr_like_png

# The target: at most 2 grey levels at any pixel, a mean under 0.1 level.
MAX_PIXEL_DIFF = 2
MAX_MEAN_DIFF = 0.1


@pytest.fixture(scope="module")
def stock(tiny_model_dir, handler_config):
    import diffusers

    pipe = diffusers.StableDiffusionControlNetImg2ImgPipeline.from_pretrained(
        f"{tiny_model_dir}/pipeline", safety_checker=None, feature_extractor=None,
        requires_safety_checker=False, local_files_only=True,
    )
    scheduler_class = getattr(diffusers, handler_config["scheduler"])
    pipe.scheduler = scheduler_class.from_config(pipe.scheduler.config)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def stock_image(pipe, body: dict, defaults: dict) -> np.ndarray:
    values = {**defaults, **body}
    qr = Image.open(io.BytesIO(base64.b64decode(values["image"]))).convert("RGB")
    images = pipe(
        prompt=values["prompt"], negative_prompt=values["negative_prompt"], image=qr, control_image=qr,
        strength=values["strength"], num_inference_steps=values["num_inference_steps"],
        guidance_scale=values["guidance_scale"],
        controlnet_conditioning_scale=values["controlnet_conditioning_scale"],
        control_guidance_start=values.get("control_guidance_start", 0.0),
        control_guidance_end=values.get("control_guidance_end", 1.0),
        height=qr.height, width=qr.width, output_type="np",
        generator=torch.Generator("cpu").manual_seed(values["seed"]),
    ).images
    return (images[0] * 255).round().astype(np.uint8)


def handler_images(handler, context, bodies) -> list[np.ndarray]:
    replies = handler.handle([{"body": body} for body in bodies], context)
    assert [context.statuses[i][0] for i in range(len(bodies))] == [200] * len(bodies)
    return [decode_npy(reply) for reply in replies]


def assert_same_image(ours: np.ndarray, theirs: np.ndarray) -> None:
    diff = np.abs(ours.astype(np.int16) - theirs.astype(np.int16))
    assert diff.max() <= MAX_PIXEL_DIFF, f"max difference {diff.max()} grey levels"
    assert diff.mean() <= MAX_MEAN_DIFF, f"mean difference {diff.mean():.4f} grey levels"


def test_a_batch_of_one_equals_stock_diffusers(handler, context, stock, handler_config):
    body = make_request(seed=21, num_inference_steps=6, strength=0.9)
    [ours] = handler_images(handler, context, [body])
    assert_same_image(ours, stock_image(stock, body, handler_config["defaults"]))


def test_a_mixed_batch_equals_stock_diffusers_request_by_request(handler, context, stock, handler_config):
    bodies = [
        make_request(seed=31, prompt="3D render of a mossy stone temple"),
        make_request(seed=32, guidance_scale=1.0, controlnet_conditioning_scale=0.5),
        make_request(seed=33, guidance_scale=12.0, negative_prompt="blurry, low quality",
                     image=qr_like_png(seed=33)),
        make_request(seed=34, controlnet_conditioning_scale=2.0, control_guidance_end=0.5),
        make_request(seed=35, control_guidance_start=0.5),
    ]
    ours = handler_images(handler, context, bodies)
    assert handler.service.last_stats.passes == [5]
    for mine, body in zip(ours, bodies):
        assert_same_image(mine, stock_image(stock, body, handler_config["defaults"]))
