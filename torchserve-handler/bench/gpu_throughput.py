"""GPU throughput of QR Art's handler core against plain diffusers, in one run.

    make bench-gpu                 # full-size SD 1.5 + ControlNet, random weights, on CUDA
    python torchserve-handler/bench/gpu_throughput.py --model tiny --device cpu   # correctness only

Measures (a) the baseline a user would write - the stock diffusers
StableDiffusionControlNetImg2ImgPipeline, fp16, batch 1, requests one after another -
and (b) the handler core (qrart_handler.pipeline.BatchedImg2Img) with the adopted
optimisations at several batch sizes. For each: images/s, p50/p95 latency per batch,
achieved TFLOP/s (FLOPs counted by torch's FlopCounterMode) and utilisation against a
bf16 matmul peak measured at the start, and peak GPU memory. Also checks that batched
output equals single output, and optimised output against an fp32 reference, on the
same seeds. Prints a table last and writes it as JSON and Markdown.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import statistics
import tempfile
import time

import numpy as np
import torch
from qrart_handler.inputs import GenerationRequest
from qrart_handler.loading import apply_optimisations
from qrart_handler.pipeline import BatchedImg2Img, Components, PassOptions
from qrart_handler.samples import shipped_settings

HERE = os.path.dirname(os.path.abspath(__file__))


PROMPTS = ["3D render of a mossy temple", "fine art oil painting of a harbour", "a forest at dawn, natural light"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=["full", "tiny"], default=None, help="default: full on CUDA, tiny on CPU")
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--batch-sizes", default="1,2,4,8,16,32")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--strength", type=float, default=0.9)
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per batch size")
    parser.add_argument("--baseline-requests", type=int, default=5)
    parser.add_argument("--dtype", default="bfloat16")
    parser.add_argument("--compile", default="", help="batch sizes to also run with torch.compile, e.g. 1,16")
    parser.add_argument("--compile-mode", default="default", help="torch.compile mode, e.g. reduce-overhead")
    parser.add_argument("--cfg-cutoff", type=float, default=1.0, help="compute options phase: handler.cfg_cutoff")
    parser.add_argument("--control-end", type=float, default=1.0, help="compute options phase: control_guidance_end")
    parser.add_argument("--options-batch-sizes", default="8,16", help="batch sizes of the compute options phase")
    parser.add_argument("--time-budget", type=float, default=1e9, help="seconds; later phases are skipped past it")
    parser.add_argument("--out", default=os.path.join(HERE, "results"))
    args = parser.parse_args(argv)
    args.model = args.model or ("full" if args.device.startswith("cuda") else "tiny")
    return args


class Clock:
    def __init__(self, device):
        self.cuda = device.startswith("cuda")

    def __call__(self):
        if self.cuda:
            torch.cuda.synchronize()
        return time.perf_counter()


def measured_peak_tflops(device: str) -> float | None:
    if not device.startswith("cuda"):
        return None
    a = torch.randn(8192, 8192, device=device, dtype=torch.bfloat16)
    b = torch.randn(8192, 8192, device=device, dtype=torch.bfloat16)
    for _ in range(3):
        a @ b
    clock = Clock(device)
    start = clock()
    for _ in range(10):
        a @ b
    return 2 * 8192**3 * 10 / (clock() - start) / 1e12


def qr_like_image(size: int, seed: int):
    from PIL import Image

    rng = np.random.default_rng(seed)
    modules = 33
    grid = rng.integers(0, 2, (modules, modules), dtype=np.uint8) * 255
    pixels = np.kron(grid, np.ones((size // modules + 1,) * 2, dtype=np.uint8))[:size, :size]
    return Image.fromarray(pixels).convert("RGB")


def make_requests(n: int, args, seed0: int = 0, control_end: float = 1.0) -> list[GenerationRequest]:
    return [
        GenerationRequest(
            prompt=PROMPTS[i % len(PROMPTS)], negative_prompt="blurry, low quality",
            image=qr_like_image(args.size, seed0 + i), strength=args.strength,
            controlnet_conditioning_scale=1.3 + 0.1 * (i % 3), guidance_scale=7.5 - (i % 2),
            num_inference_steps=args.steps, seed=seed0 + i, width=args.size, height=args.size,
            control_guidance_end=control_end,
        )
        for i in range(n)
    ]


def build_pipeline(args, dtype):
    if args.model == "full":
        from sd15_components import build_full_pipeline

        return build_full_pipeline(args.device, dtype)
    from diffusers import StableDiffusionControlNetImg2ImgPipeline
    from qrart_handler.tiny import build_tiny_pipeline

    with tempfile.TemporaryDirectory() as folder:
        build_tiny_pipeline(folder)
        pipe = StableDiffusionControlNetImg2ImgPipeline.from_pretrained(folder, safety_checker=None)
    return pipe.to(args.device, dtype)


def components_of(pipe, device: str, dtype: torch.dtype, scheduler: str = "UniPCMultistepScheduler") -> Components:
    import diffusers

    return Components(
        vae=pipe.vae, text_encoder=pipe.text_encoder, tokenizer=pipe.tokenizer, unet=pipe.unet,
        controlnet=pipe.controlnet, scheduler_class=getattr(diffusers, scheduler),
        scheduler_config=pipe.scheduler.config, device=torch.device(device), dtype=dtype,
    )


def percentile(values, q):
    return float(np.percentile(np.asarray(values), q))


def row(name, batch, latencies, flops_per_image, peak, memory):
    mean = statistics.mean(latencies)
    images_per_s = batch / mean
    tflops = flops_per_image * images_per_s / 1e12 if flops_per_image else None
    return {
        "config": name, "batch": batch, "images_per_s": images_per_s,
        "p50_s": percentile(latencies, 50), "p95_s": percentile(latencies, 95),
        "tflops": tflops, "utilisation": (tflops / peak) if (tflops and peak) else None,
        "peak_mem_gib": memory,
    }


def reset_memory(device):
    if device.startswith("cuda"):
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()


def peak_memory(device):
    return torch.cuda.max_memory_allocated() / 2**30 if device.startswith("cuda") else None


def time_runs(run, repeats, clock):
    run()  # warm-up (and compilation, when compiled)
    latencies = []
    for _ in range(repeats):
        start = clock()
        run()
        latencies.append(clock() - start)
    return latencies


def measure(result, args, name, runner, batch, clock, flops, peak, control_end=1.0) -> None:
    """Times one configuration at one batch size and records (and writes) its row."""
    requests = make_requests(batch, args, control_end=control_end)
    reset_memory(args.device)
    latencies = time_runs(lambda: runner.run(requests), args.repeats, clock)
    result["rows"].append(row(name, batch, latencies, flops, peak, peak_memory(args.device)))
    write_outputs(result, args.out, quiet=True)


def count_flops_per_image(runner: BatchedImg2Img, args, control_end: float = 1.0) -> float:
    from torch.utils.flop_counter import FlopCounterMode

    counter = FlopCounterMode(display=False)
    with counter:
        runner.run(make_requests(1, args, seed0=500, control_end=control_end))
    return float(counter.get_total_flops())


def baseline(pipe, args, clock, flops, peak):
    requests = make_requests(args.baseline_requests + 1, args, seed0=100)

    def one(r):
        return pipe(
            prompt=r.prompt, negative_prompt=r.negative_prompt, image=r.image, control_image=r.image,
            strength=r.strength, num_inference_steps=r.num_inference_steps, guidance_scale=r.guidance_scale,
            controlnet_conditioning_scale=r.controlnet_conditioning_scale,
            generator=torch.Generator("cpu").manual_seed(r.seed), output_type="np",
        )

    pipe.set_progress_bar_config(disable=True)
    reset_memory(args.device)
    one(requests[0])
    latencies = []
    for r in requests[1:]:
        start = clock()
        one(r)
        latencies.append(clock() - start)
    return row("(a) diffusers fp16, batch 1, sequential", 1, latencies, flops, peak, peak_memory(args.device))


def without_optimisations(pipe):
    for model in (pipe.unet, pipe.controlnet, pipe.vae):
        if hasattr(model, "unfuse_qkv_projections"):
            model.unfuse_qkv_projections()
        model.to(memory_format=torch.contiguous_format)
    return pipe


def max_diff(a, b):
    diff = np.abs(np.stack(a).astype(np.int16) - np.stack(b).astype(np.int16))
    return int(diff.max()), float(diff.mean())


def psnr(a, b):
    mse = np.mean((np.stack(a).astype(np.float64) - np.stack(b).astype(np.float64)) ** 2)
    return float("inf") if mse == 0 else float(10 * np.log10(255**2 / mse))


def main(argv=None) -> dict:
    args = parse_args(argv)
    started = time.perf_counter()
    over_budget = lambda: time.perf_counter() - started > args.time_budget  # noqa: E731
    clock = Clock(args.device)
    on_gpu = args.device.startswith("cuda")
    # Static shapes per batch size: a new batch size recompiles rather than falling back
    # to a slower dynamic-shape graph.
    torch._dynamo.config.automatic_dynamic_shapes = False
    if on_gpu:
        torch.backends.cudnn.benchmark = True
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    fast_dtype = getattr(torch, args.dtype) if on_gpu else torch.float32
    peak = measured_peak_tflops(args.device)
    batch_sizes = [int(b) for b in args.batch_sizes.split(",")]
    result = {
        "date": dt.date.today().isoformat(),
        "device": torch.cuda.get_device_name() if on_gpu else f"CPU ({os.cpu_count()} cores)",
        "torch": torch.__version__, "model": args.model, "steps": args.steps, "strength": args.strength,
        "size": args.size, "measured_bf16_peak_tflops": peak, "rows": [], "checks": {}, "notes": [],
    }

    # (a) the baseline: stock pipeline, fp16 (fp32 on the CPU), batch 1.
    pipe = build_pipeline(args, torch.float16 if on_gpu else torch.float32)
    reference_runner = BatchedImg2Img(components_of(pipe, args.device, torch.float16 if on_gpu else torch.float32))
    flops = count_flops_per_image(reference_runner, args)
    result["flops_per_image"] = flops
    result["rows"].append(baseline(pipe, args, clock, flops, peak))
    write_outputs(result, args.out, quiet=True)
    print(f"baseline done at {time.perf_counter() - started:.0f}s", flush=True)

    # (b) the handler core, optimised, per batch size.
    pipe = pipe.to(dtype=fast_dtype)
    settings = shipped_settings(channels_last=True, fuse_qkv=True)
    components = components_of(pipe, args.device, fast_dtype)
    apply_optimisations(components, settings)
    runner = BatchedImg2Img(components)
    name = f"(b) handler {args.dtype if on_gpu else 'float32'}, SDPA, channels_last, fused QKV"
    for batch in batch_sizes:
        if over_budget():
            result["notes"].append(f"skipped eager batch {batch}: time budget")
            continue
        measure(result, args, name, runner, batch, clock, flops, peak)
        print(f"eager batch {batch} done at {time.perf_counter() - started:.0f}s", flush=True)

    # Correctness: batched equals single; optimised vs an fp32 reference on the same seeds.
    probe = make_requests(3, args, seed0=900)
    batched = runner.run(probe)
    singles = [runner.run([r])[0] for r in probe]
    result["checks"]["batched_vs_single_max_mean_diff"] = max_diff(batched, singles)
    optimised = batched
    pipe32 = without_optimisations(pipe).to(dtype=torch.float32)
    reference = BatchedImg2Img(components_of(pipe32, args.device, torch.float32)).run(probe)
    result["checks"]["optimised_vs_fp32_max_mean_diff"] = max_diff(optimised, reference)
    result["checks"]["optimised_vs_fp32_psnr_db"] = psnr(optimised, reference)
    pipe = pipe32.to(dtype=fast_dtype)

    # torch.compile of UNet, ControlNet and VAE decode, at chosen batch sizes.
    compile_sizes = [int(b) for b in args.compile.split(",") if b]
    if compile_sizes:
        components = components_of(pipe, args.device, fast_dtype)
        apply_optimisations(components, shipped_settings(
            channels_last=True, fuse_qkv=True, compile=True, compile_mode=args.compile_mode))
        runner = BatchedImg2Img(components)
        for batch in compile_sizes:
            if over_budget():
                result["notes"].append(f"skipped compiled batch {batch}: time budget")
                continue
            t0 = time.perf_counter()
            runner.run(make_requests(batch, args))
            result["notes"].append(f"compile + first run at batch {batch}: {time.perf_counter() - t0:.0f} s")
            measure(result, args, f"{name}, torch.compile ({args.compile_mode})", runner, batch, clock, flops, peak)
            print(f"compiled batch {batch} done at {time.perf_counter() - started:.0f}s", flush=True)
        compiled = runner.run(probe)
        result["checks"]["compiled_vs_eager_max_mean_diff"] = max_diff(compiled, optimised)
    compute_options(result, args, runner, probe, optimised, clock, peak, over_budget)

    result["wall_s"] = time.perf_counter() - started
    write_outputs(result, args.out)
    return result


def compute_options(result, args, runner, probe, full, clock, peak, over_budget) -> None:
    """The handler's compute options (CFG cut-off, control window) on the last runner."""
    if args.cfg_cutoff >= 1.0 and args.control_end >= 1.0:
        return
    runner = BatchedImg2Img(runner.c, PassOptions(cfg_cutoff=args.cfg_cutoff))
    flops = count_flops_per_image(runner, args, control_end=args.control_end)
    result["options_flops_per_image"] = flops
    name = f"(c) compute options: CFG cut-off {args.cfg_cutoff}, control window 0-{args.control_end}"
    for batch in (int(b) for b in args.options_batch_sizes.split(",") if b):
        if over_budget():
            result["notes"].append(f"skipped options batch {batch}: time budget")
            continue
        runner.run(make_requests(batch, args, control_end=args.control_end))
        measure(result, args, name, runner, batch, clock, flops, peak, control_end=args.control_end)
        print(f"options batch {batch} done", flush=True)
    windowed = [dataclasses.replace(r, control_guidance_end=args.control_end) for r in probe]
    result["checks"]["options_vs_full_max_mean_diff"] = max_diff(runner.run(windowed), full)


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def markdown(result) -> str:
    base = result["rows"][0]["images_per_s"]
    lines = [
        f"# GPU throughput, {result['date']}, {result['device']}",
        "",
        f"Model: {result['model']} (random weights), {result['size']}x{result['size']}, "
        f"{result['steps']} steps x strength {result['strength']}; torch {result['torch']}; "
        f"FLOPs per image (FlopCounterMode): {result['flops_per_image'] / 1e12:.2f} TFLOP; "
        f"measured bf16 matmul peak: {fmt(result['measured_bf16_peak_tflops'], '.0f')} TFLOP/s.",
        "",
        "| config | batch | images/s | x baseline | p50 s | p95 s | TFLOP/s | util. | peak GiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in result["rows"]:
        lines.append(
            f"| {r['config']} | {r['batch']} | {r['images_per_s']:.2f} | {r['images_per_s'] / base:.1f} | "
            f"{r['p50_s']:.3f} | {r['p95_s']:.3f} | {fmt(r['tflops'], '.0f')} | "
            f"{fmt(r['utilisation'] and r['utilisation'] * 100, '.0f')}% | {fmt(r['peak_mem_gib'], '.1f')} |"
        )
    lines += ["", "Checks (uint8 grey levels: max, mean):", ""]
    lines += [f"- {k}: {v}" for k, v in result["checks"].items()]
    lines += [f"- note: {n}" for n in result["notes"]]
    lines.append(f"- wall time: {result['wall_s']:.0f} s")
    return "\n".join(lines) + "\n"


def write_outputs(result, folder, quiet=False):
    """Written after every phase too, so a run cut short still leaves its figures."""
    os.makedirs(folder, exist_ok=True)
    result.setdefault("wall_s", 0.0)
    tag = f"{result['date']}-{result['device'].split('(')[0].strip().replace(' ', '-')}-{result['model']}"
    with open(os.path.join(folder, f"{tag}.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
    text = markdown(result)
    with open(os.path.join(folder, f"{tag}.md"), "w", encoding="utf-8") as f:
        f.write(text)
    if not quiet:
        print(text)


if __name__ == "__main__":
    main()
