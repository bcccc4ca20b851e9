"""FLOPs per image of the handler's pass for each compute option, and what each does to the image.

    make bench-flops      (or: python torchserve-handler/bench/flops.py --steps 30 --strength 0.9)

Counts come in two exact parts, with no GPU and no weights:
- what one row costs: each full-size SD 1.5 component (UNet, ControlNet, VAE encoder and
  decoder, CLIP text tower, public configs) run once at batch 1 on the meta device under
  torch.utils.flop_counter.FlopCounterMode (shapes only, nothing computed);
- how many rows each component sees: the handler's own BatchedImg2Img run on the tiny model with
  every component wrapped in a row counter, so the plan is the code's, not a formula's.
FLOPs per image = sum over components of rows x FLOPs per row, divided by the images made (every
component's cost is linear in its rows; the benchmark checks that at batch 2). The images of each
option are compared with the default's on the tiny model: max and mean difference in grey levels
and PSNR. A benchmark command, not a test: it prints a table and asserts nothing.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from qrart_handler.inputs import parse_request  # noqa: E402
from qrart_handler.loading import load_components  # noqa: E402
from qrart_handler.pipeline import BatchedImg2Img, PassOptions  # noqa: E402
from qrart_handler.samples import make_request, qr_like_png, shipped_settings  # noqa: E402
from qrart_handler.tiny import build_tiny_pipeline  # noqa: E402

PROMPTS = ["3D render of a mossy temple", "fine art oil painting of a harbour", "a forest at dawn, natural light"]


@dataclasses.dataclass(frozen=True)
class Option:
    name: str
    request: dict
    options: PassOptions


def options(cfg_cutoff: float, control_end: float, reuse_from: float) -> list[Option]:
    window = {"control_guidance_end": control_end}
    return [
        Option("default", {}, PassOptions()),
        Option(f"CFG cut-off at {cfg_cutoff}", {}, PassOptions(cfg_cutoff=cfg_cutoff)),
        Option(f"control window 0-{control_end}", window, PassOptions()),
        Option("cut-off + window", window, PassOptions(cfg_cutoff=cfg_cutoff)),
        Option(f"ControlNet reuse from {reuse_from}", {}, PassOptions(control_reuse_from=reuse_from)),
        Option("all options", window, PassOptions(cfg_cutoff=cfg_cutoff, control_reuse_from=reuse_from)),
    ]


class RowCounter:
    """Wraps a model; adds the batch size of each call to `rows`."""

    def __init__(self, model, rows: list[int]):
        self.model, self.rows = model, rows

    def __call__(self, sample, *args, **kwargs):
        self.rows.append(sample.shape[0])
        return self.model(sample, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.model, name)


def count(fn) -> int:
    from torch.utils.flop_counter import FlopCounterMode

    counter = FlopCounterMode(display=False)
    with counter:
        fn()
    return int(counter.get_total_flops())


def flops_per_row(size: int, rows: int = 1) -> dict[str, int]:
    """FLOPs of one call of each full-size component at `rows` rows (meta tensors, nothing run)."""
    from diffusers import AutoencoderKL, ControlNetModel, UNet2DConditionModel
    from sd15_components import CONTROLNET, TEXT, UNET, VAE
    from transformers import CLIPTextConfig, CLIPTextModel

    latent = size // 8
    with torch.device("meta"):
        unet, controlnet = UNet2DConditionModel(**UNET), ControlNetModel(**CONTROLNET)
        vae, text = AutoencoderKL(**VAE), CLIPTextModel(CLIPTextConfig(**TEXT))
        sample = torch.empty(rows, 4, latent, latent)
        states = torch.empty(rows, 77, 768)
        pixels = torch.empty(rows, 3, size, size)
        t = torch.tensor(500)
    return {
        "unet": count(lambda: unet(sample, t, encoder_hidden_states=states)),
        "controlnet": count(lambda: controlnet(sample, t, encoder_hidden_states=states, controlnet_cond=pixels)),
        "text_encoder": count(lambda: text(torch.zeros(rows, 77, dtype=torch.long, device="meta"))),
        "vae_encode": count(lambda: vae.encode(pixels)),
        "vae_decode": count(lambda: vae.decode(sample)),
    }


def requests(settings, n: int, size: int, steps: int, strength: float, extra: dict):
    bodies = [
        make_request(prompt=PROMPTS[i % len(PROMPTS)], seed=100 + i, image=qr_like_png(size, seed=i), width=size,
                     height=size, num_inference_steps=steps, strength=strength, guidance_scale=7.5 - (i % 2), **extra)
        for i in range(n)
    ]
    return [parse_request(b, settings.limits, settings.defaults) for b in bodies]


def counted_run(components, option: Option, batch):
    """Runs the pass with every component counting its rows; returns images and rows per component."""
    rows = {name: [] for name in ("unet", "controlnet", "text_encoder", "vae_encode", "vae_decode")}
    vae = components.vae
    counted_vae = RowCounter(vae, [])
    counted_vae.encode = RowCounter(vae.encode, rows["vae_encode"])
    counted_vae.decode = RowCounter(vae.decode, rows["vae_decode"])
    counted = dataclasses.replace(
        components, unet=RowCounter(components.unet, rows["unet"]),
        controlnet=RowCounter(components.controlnet, rows["controlnet"]),
        text_encoder=RowCounter(components.text_encoder, rows["text_encoder"]), vae=counted_vae,
    )
    images = BatchedImg2Img(counted, option.options).run(batch)
    return images, {name: sum(calls) for name, calls in rows.items()}


def difference(images, reference) -> dict:
    a, b = np.stack(images).astype(np.float64), np.stack(reference).astype(np.float64)
    mse = float(np.mean((a - b) ** 2))
    return {
        "max_diff": int(np.abs(a - b).max()), "mean_diff": float(np.abs(a - b).mean()),
        "psnr_db": float("inf") if mse == 0 else float(10 * np.log10(255**2 / mse)),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--strength", type=float, default=0.9)
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--images", type=int, default=3, help="images per pass on the tiny model")
    parser.add_argument("--cfg-cutoff", type=float, default=0.6)
    parser.add_argument("--control-end", type=float, default=0.8)
    parser.add_argument("--control-reuse-from", type=float, default=0.3)
    parser.add_argument("--out", default="", help="also write the result as JSON here")
    args = parser.parse_args(argv)

    per_row = flops_per_row(args.size)
    doubled = flops_per_row(args.size, rows=2)
    linear = all(doubled[name] == 2 * per_row[name] for name in per_row)
    settings = shipped_settings(device="cpu", dtype="float32")
    with tempfile.TemporaryDirectory() as folder:
        build_tiny_pipeline(os.path.join(folder, "pipeline"))
        components = load_components(settings, folder)
    result = {"steps": args.steps, "strength": args.strength, "size": args.size, "flops_per_row": per_row,
              "linear_in_rows": linear, "rows": []}
    reference = None
    for option in options(args.cfg_cutoff, args.control_end, args.control_reuse_from):
        batch = requests(settings, args.images, args.size, args.steps, args.strength, option.request)
        images, rows = counted_run(components, option, batch)
        reference = reference or images
        flops = sum(rows[name] * per_row[name] for name in rows) / len(batch)
        result["rows"].append({"option": option.name, "tflop_per_image": flops / 1e12, "rows": rows,
                               **difference(images, reference)})
    print_table(result)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
    return result


def print_table(result: dict) -> None:
    print(f"full-size SD 1.5 + ControlNet at {result['size']}px, {result['steps']} steps x strength "
          f"{result['strength']}; FLOPs linear in rows: {result['linear_in_rows']}")
    print("TFLOP per row: " + ", ".join(f"{k} {v / 1e12:.3f}" for k, v in result["flops_per_row"].items()))
    print(f"{'option':<26} {'TFLOP/image':>11} {'saved':>6} {'UNet rows':>9} {'CN rows':>7} "
          f"{'max diff':>8} {'mean diff':>9} {'PSNR dB':>7}   (images vs the default, tiny model)")
    default = result["rows"][0]["tflop_per_image"]
    for row in result["rows"]:
        saved = 1 - row["tflop_per_image"] / default
        print(f"{row['option']:<26} {row['tflop_per_image']:>11.1f} {saved:>6.0%} {row['rows']['unet']:>9} "
              f"{row['rows']['controlnet']:>7} {row['max_diff']:>8} {row['mean_diff']:>9.2f} {row['psnr_db']:>7.1f}")
    last = result["rows"][-1]["tflop_per_image"]
    print(f"all options: {last:.1f} TFLOP per image, {1 - last / default:.0%} fewer than the default")


if __name__ == "__main__":
    main()
