"""Images per second of the handler core per batch size, tiny model, CPU.

    make bench-cpu        (or: python torchserve-handler/bench/cpu_batching.py --steps 10)

A benchmark command, not a test: it prints a table and asserts nothing about speed.
The full-size GPU benchmark is bench/gpu_throughput.py.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time

from qrart_handler.inputs import parse_request
from qrart_handler.loading import load_components
from qrart_handler.pipeline import BatchedImg2Img
from qrart_handler.samples import make_request, shipped_settings
from qrart_handler.tiny import build_tiny_pipeline

HERE = os.path.dirname(os.path.abspath(__file__))



def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--strength", type=float, default=0.9)
    parser.add_argument("--batch-sizes", default="1,2,4,8")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args(argv)
    settings = shipped_settings(device="cpu", dtype="float32")
    with tempfile.TemporaryDirectory() as folder:
        build_tiny_pipeline(os.path.join(folder, "pipeline"))
        runner = BatchedImg2Img(load_components(settings, folder))
    print(f"tiny model, CPU ({os.cpu_count()} cores), {args.steps} steps x strength {args.strength}")
    print(f"{'batch':>5} {'s/batch':>9} {'images/s':>9}")
    for size in (int(s) for s in args.batch_sizes.split(",")):
        requests = [
            parse_request(make_request(seed=i, num_inference_steps=args.steps, strength=args.strength),
                          settings.limits, settings.defaults)
            for i in range(size)
        ]
        runner.run(requests)  # warm-up
        started = time.perf_counter()
        for _ in range(args.repeats):
            runner.run(requests)
        per_batch = (time.perf_counter() - started) / args.repeats
        print(f"{size:>5} {per_batch:>9.3f} {size / per_batch:>9.2f}")


if __name__ == "__main__":
    main()
