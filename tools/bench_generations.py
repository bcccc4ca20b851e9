"""make bench-generations N=24 OUT=DIR: generations over the HTTP API, judged by the scan benchmark.

Starts scripts/run-stack.sh (the offline model unless real weights are archived) on free ports,
submits N generations with varied prompts and payloads spread over the three scan strengths,
writes each delivered PNG with payloads.csv (file,payload) and reports.json into DIR/<strength>,
runs the scan benchmark's `delivered` mode on each folder (per reader, per camera condition, the
plain-code reference), prints the gateway's own figures (its scan path's wall and CPU time per
round from /q/metrics among them), and stops the stack. A benchmark, not a test.
"""
import argparse
import csv
import io
import json
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path

import gateway_client
import scan_path
from loadtest import REPO, Stack

PROMPTS = [
    "3D render of a mossy temple in a misty forest, fine art",
    "fine art oil painting of a harbour at dawn",
    "natural scene, alpine lake under snowy peaks, golden hour",
    "isometric 3D city block, soft light, fine art",
    "watercolour of a coral reef with tropical fish",
    "natural scene, autumn forest path, volumetric light",
    "3D clay render of a cosy cabin in the snow",
    "fine art ink drawing of a koi pond",
]
PAYLOADS = [
    "https://qr.art/g/{i}",
    "https://example.com/menu?table={i}&lang=en",
    "WIFI:T:WPA;S:Cafe {i};P:espresso-{i};;",
    "mailto:hello{i}@example.com",
    "https://www.example.org/events/2026/winter-market/tickets/{i}",
    "Meet at gate {i}, 10:30",
]
STRENGTHS = ["artistic", "balanced", "robust"]


def submit_all(base, n, steps):
    jobs = []
    for i in range(n):
        strength = STRENGTHS[i % len(STRENGTHS)]
        body = {"content": PAYLOADS[i % len(PAYLOADS)].format(i=i), "prompt": PROMPTS[i % len(PROMPTS)],
                "steps": steps, "seed": 1000 + i, "scanStrength": strength}
        while True:
            status, reply, headers, _ = gateway_client.call("POST", base + "/api/v1/generations", body)
            if status == 202:
                jobs.append((i, strength, body["content"], reply["id"], time.perf_counter()))
                break
            if status in (429, 503):
                time.sleep(float(headers.get("Retry-After", "1")))
                continue
            raise SystemExit(f"submission {i} refused ({status}): {reply}")
    return jobs


def wait(base, job_id):
    while True:
        status, state, _, _ = gateway_client.call("GET", f"{base}/api/v1/generations/{job_id}?wait=true")
        if status == 200 and state["status"] in ("done", "failed"):
            return state
        time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=24)
    parser.add_argument("--out", required=True)
    parser.add_argument("--steps", type=int, default=12)
    args = parser.parse_args()
    out = Path(args.out)
    stack = Stack()
    try:
        jobs = submit_all(stack.base, args.n, args.steps)
        rows = {s: [] for s in STRENGTHS}
        reports = {s: [] for s in STRENGTHS}
        latencies, failed = [], []
        for i, strength, content, job_id, submitted in jobs:
            state = wait(stack.base, job_id)
            if state["status"] != "done":
                failed.append((i, state.get("error")))
                continue
            latencies.append(time.perf_counter() - submitted)
            folder = out / strength
            folder.mkdir(parents=True, exist_ok=True)
            name = f"gen-{i:03d}.png"
            with urllib.request.urlopen(stack.base + state["imageUrl"], timeout=60) as image:
                (folder / name).write_bytes(image.read())
            # What every reader read: a short link, or the link with its scheme and host in capitals.
            carried = (state["scanReport"] or {}).get("encodedText") or content
            rows[strength].append((name, carried))
            reports[strength].append({"file": name, "content": content, "scanReport": state["scanReport"]})
        timed = scan_path.read(stack.base)
    finally:
        stack.stop()
    print(f"{len(jobs)} generations, {len(failed)} failed {failed}; "
          f"latency median {statistics.median(latencies or [0]):.1f} s")
    print("the gateway's scan path per round of candidates (gate, suite runs, repair), as it timed itself:")
    print("\n".join(timed))
    for strength in STRENGTHS:
        if not rows[strength]:
            continue
        folder = out / strength
        table = io.StringIO()
        csv.writer(table, lineterminator="\n").writerows([("file", "payload"), *rows[strength]])
        (folder / "payloads.csv").write_text(table.getvalue())
        (folder / "reports.json").write_text(json.dumps(reports[strength], indent=2))
        gate = [r["scanReport"] for r in reports[strength]]
        relative = [g["relativeRobustness"] for g in gate]
        changed = sorted(g["pixelsChangedShare"] for g in gate)
        print(f"{strength}: {len(gate)} delivered; target met {sum(g['robustnessTargetMet'] for g in gate)}; "
              f"relative robustness mean {statistics.mean(relative):.3f}; "
              f"pixels changed median {100 * statistics.median(changed):.1f}%; "
              f"rounds mean {statistics.mean(g['rounds'] for g in gate):.2f}")
        subprocess.run(["java", "-cp", "scan-bench/target/classes:scan-bench/target/lib/*",
                        "app.qrart.scanbench.ScanBenchmark", str(folder), "delivered"], cwd=REPO, check=True)


if __name__ == "__main__":
    main()
