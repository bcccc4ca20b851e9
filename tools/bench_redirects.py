"""Short link redirects under load (make bench-redirects): a figure, not a test.

Starts the stack (scripts/run-stack.sh, embedded store), makes a short link through a generation,
then runs `hey` (a real HTTP load tool, built from the Go module proxy) with CLIENTS concurrent
clients for DURATION seconds against the link's redirect, as phones would (an iPhone User-Agent,
redirects not followed). Prints requests per second, p50 / p99 latency, errors, and whether the
link's stored scan count equals the redirects answered after a flush.
"""
import argparse
import re
import subprocess
import time
from pathlib import Path

from gateway_client import call
from loadtest import REPO, Stack

HEY = REPO / ".run" / "bin" / "hey"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"


def make_link(base):
    body = {"content": "https://shop.example.com/menu?table=4&utm_source=qr", "prompt": "redirect load",
            "steps": 2, "seed": 1, "shortLink": True}
    status, reply, _, _ = call("POST", base + "/api/v1/generations", body)
    if status != 202:
        raise SystemExit(f"could not make a short link: {status} {reply}")
    return reply["shortUrl"].rsplit("/", 1)[1], reply["editToken"]


def load(base, code, clients, seconds):
    command = [str(HEY), "-z", f"{seconds}s", "-c", str(clients), "-disable-redirects", "-H", f"User-Agent: {IPHONE}",
               f"{base}/S/{code}"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def figure(pattern, text, cast=float):
    match = re.search(pattern, text)
    return cast(match.group(1)) if match else None


def stored_scans(base, code, token):
    status, view, _, _ = call("GET", f"{base}/api/v1/links/{code}", headers={"X-Edit-Token": token})
    if status != 200:
        raise SystemExit(f"could not read the link: {status} {view}")
    return view["totalScans"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=int, default=30, help="seconds")
    args = parser.parse_args()
    stack = Stack()
    try:
        code, token = make_link(stack.base)
        load(stack.base, code, clients=4, seconds=3)  # warm the JIT; these count too
        before = stored_scans_after_flush(stack.base, code, token)
        report = load(stack.base, code, args.clients, args.duration)
        answered = figure(r"\[302\]\s+(\d+) responses", report, int) or 0
        after = stored_scans_after_flush(stack.base, code, token)
        statuses = report.split("Status code distribution:", 1)[-1].split("Error distribution", 1)[0]
        errors = "Error distribution" in report or re.search(r"\[(?!302\])\d{3}\]", statuses) is not None
        print(f"redirects of one short link: {args.clients} clients, {args.duration} s, embedded store, "
              f"this machine ({Path('/proc/cpuinfo').read_text().count('processor')} cores)")
        rate = figure(r"Requests/sec:\s+([\d.]+)", report)
        p50 = 1000 * figure(r"50%+ in ([\d.]+) secs", report)
        p99 = 1000 * figure(r"99%+ in ([\d.]+) secs", report)
        print(f"requests/s {rate:.0f}   p50 {p50:.1f} ms   p99 {p99:.1f} ms   302 answers {answered}   "
              f"other answers or errors: {'yes' if errors else 'none'}")
        print(f"stored scans after the flush: {after - before} of {answered} redirects "
              f"({'exact' if after - before == answered else 'NOT exact'})")
        print(report if errors else "", end="")
    finally:
        stack.stop()


def stored_scans_after_flush(base, code, token):
    """The stored count once two flush intervals (qrart.links.flush-interval, 5 s) have passed."""
    time.sleep(11)
    return stored_scans(base, code, token)


if __name__ == "__main__":
    main()
