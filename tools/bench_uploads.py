"""make bench-uploads [BENCH=DIR] [STRENGTH=balanced]: "fix a code" and "your picture" over the HTTP API.

Starts scripts/run-stack.sh on free ports and sends every picture of the benchmark folder (default
../shared/benchmarks/qr-art) through the two endpoints, as a client would: POST /api/v1/repairs
with each picture's known payload (payloads.csv), and POST /api/v1/pictures with one payload of
our own. Prints, per endpoint: accepted / refused (4xx), done and verified, how many were kept as
they were, pixels changed median / p95, SSIM median, relative robustness mean, and the latency from
submission to done, p50 / p95; then the gateway's scan path wall and CPU time per upload
(/q/metrics). The pictures are read in place, never copied. A benchmark, not a test.
"""
import argparse
import csv
import mimetypes
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import gateway_client
import scan_path
from loadtest import REPO, Stack

OWN_PAYLOAD = "https://qr.art/your-picture/benchmark"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def one(base, path, image, content, strength):
    """Submits one picture and waits for its end: (status code, job or error body, seconds)."""
    data = image.read_bytes()
    kind = mimetypes.guess_type(image.name)[0] or "application/octet-stream"
    started = time.perf_counter()
    while True:
        status, reply, headers, _ = gateway_client.post_form(
            f"{base}/api/v1/{path}", {"content": content, "scanStrength": strength}, image.name, data, kind)
        if status not in (429, 503):
            break
        time.sleep(float(headers.get("Retry-After", "1")))
    if status != 202:
        return status, reply, time.perf_counter() - started
    while True:
        code, job, _, _ = gateway_client.call("GET", f"{base}/api/v1/generations/{reply['id']}?wait=true")
        if code == 200 and job["status"] in ("done", "failed"):
            return status, job, time.perf_counter() - started
        time.sleep(0.2)


def report(name, results):
    refused = [r for r in results if r[0] != 202]
    jobs = [r for r in results if r[0] == 202]
    done = [job for _, job, _ in jobs if job["status"] == "done" and job["scanReport"]["verified"]]
    kept = [job for job in done if not job["scanReport"]["repaired"]]
    changed = [job["scanReport"]["pixelsChangedShare"] for job in done]
    ssim = [job["scanReport"]["ssim"] for job in done]
    relative = [job["scanReport"]["relativeRobustness"] for job in done if job["scanReport"]["relativeRobustness"]]
    seconds = [s for _, job, s in jobs if job["status"] == "done"]
    codes = ", ".join(sorted({str(r[0]) for r in refused})) or "-"
    print(f"{name}: {len(results)} pictures; refused {len(refused)} ({codes}); "
          f"done and verified {len(done)}/{len(jobs)} accepted; kept as they were {len(kept)}")
    if done:
        print(f"  pixels changed median {100 * statistics.median(changed):.1f}% "
              f"/ p95 {100 * percentile(changed, 0.95):.1f}%; SSIM median {statistics.median(ssim):.3f}; "
              f"relative robustness mean {statistics.fmean(relative):.3f}")
        print(f"  latency submit to done p50 {statistics.median(seconds):.2f} s "
              f"/ p95 {percentile(seconds, 0.95):.2f} s")
    for status, body, _ in refused[:5]:
        print(f"  refused {status}: {body.get('error') if isinstance(body, dict) else body}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", default=str(REPO.parent / "shared" / "benchmarks" / "qr-art"))
    parser.add_argument("--strength", default="balanced")
    parser.add_argument("--parallel", type=int, default=2)
    args = parser.parse_args()
    bench = Path(args.bench)
    with (bench / "payloads.csv").open(newline="") as f:
        known = [(bench / "images" / row["file"], row["payload"]) for row in csv.DictReader(f)]
    pictures = sorted((bench / "images").iterdir())
    stack = Stack()
    try:
        with ThreadPoolExecutor(args.parallel) as pool:
            repairs = list(pool.map(lambda p: one(stack.base, "repairs", p[0], p[1], args.strength), known))
            report(f"POST /api/v1/repairs ({args.strength})", repairs)
            own = list(pool.map(lambda p: one(stack.base, "pictures", p, OWN_PAYLOAD, args.strength), pictures))
            report(f"POST /api/v1/pictures ({args.strength}, \"{OWN_PAYLOAD}\")", own)
        print("the gateway's scan path per upload (located: fix a code; drawn: your picture), as it timed itself:")
        print("\n".join(scan_path.read(stack.base)))
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
