#!/usr/bin/env python3
"""Load and soak commands for the full stack with the offline model (benchmarks, not tests).

    load: N concurrent clients (default 200), each its own user behind a proxy (X-Forwarded-For)
          with its own API key (--auth api-key, the default; --auth none for anonymous clients),
          submit a generation, follow it to the end, repeat until the duration is over.
    soak: fewer clients for longer (default 20 for 600 s), sampling memory and threads.

Starts scripts/run-stack.sh on free ports with a fresh state folder (keys required and a random
admin secret with --auth api-key), unless --base-url points at a running gateway (then
QRART_ADMIN_SECRET must be its admin secret for --auth api-key). With --replicas N the stack runs
N gateways on one Firestore emulator and one GCS emulator, and the clients are spread over them.
Reports: outcomes by kind (done, failed, 429, other), p50/p99 of submit-to-done
and of API calls, throughput, and gateway/TorchServe memory and threads at the start and the end;
with replicas also the record store's reads and writes per job (the gateways' own counters) and
the jobs run more than once (taken by a second lease, from the records: must be 0).
"""
import argparse
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import gateway_client
import psutil

REPO = Path(__file__).resolve().parent.parent


def free_ports(count: int) -> list[int]:
    """Distinct free ports: every socket stays bound until all are, so no port is handed out twice."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def call(method, url, body=None, client=None, timeout=180):
    """A call from one load client: its address behind the proxy, and its key when it has one."""
    headers = {"X-Forwarded-For": client.address} if client else {}
    if client and client.key:
        headers["Authorization"] = f"Bearer {client.key}"
    return gateway_client.call(method, url, body, headers, timeout)


class Client:
    def __init__(self, index, key=None):
        self.index = index
        self.address = f"198.18.{index // 250}.{index % 250 + 1}"
        self.key = key


def issue_keys(base, clients, admin_secret):
    """One key per client, with room for the whole run; only the load test sees them."""
    keyed = []
    for index in range(clients):
        status, reply, _, _ = gateway_client.call(
            "POST", base + "/api/v1/admin/keys",
            {"name": f"load client {index}", "perMinute": 600, "dailyQuota": 1_000_000},
            {"Authorization": f"Bearer {admin_secret}"})
        if status != 201:
            raise SystemExit(f"could not create a key ({status}): {reply}")
        keyed.append(Client(index, reply["key"]))
    return keyed


class Stack:
    """scripts/run-stack.sh on free ports; the gateway trusts X-Forwarded-For (a proxy in front)."""

    def __init__(self, admin_secret=None, replicas=1):
        self.run_dir = tempfile.mkdtemp(prefix="qrart-load-")
        ports = free_ports(5 + replicas + 2)
        torchserve_ports, gateway_ports, self.emulator_ports = ports[:5], ports[5:5 + replicas], ports[5 + replicas:]
        env = dict(os.environ, QRART_RUN_DIR=self.run_dir,
                   QRART_HTTP_PORTS=",".join(str(port) for port in gateway_ports),
                   QRART_EMULATOR_PORTS=",".join(str(port) for port in self.emulator_ports),
                   QRART_TS_PORTS=",".join(str(port) for port in torchserve_ports),
                   QRART_ADMISSION_CLIENT_IP_HEADER="X-Forwarded-For")
        if admin_secret:
            env.update(QRART_AUTH_MODE="api-key", QRART_AUTH_ADMIN_SECRET=admin_secret)
        self.log = open(Path(self.run_dir) / "stack.log", "w")
        self.process = subprocess.Popen(["bash", "scripts/run-stack.sh"], cwd=REPO, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.bases = [f"http://127.0.0.1:{port}" for port in gateway_ports]
        self.replicated = replicas > 1
        for base in self.bases:
            self.await_ready(base)

    @property
    def base(self):
        """The first gateway's address (the only one without replicas)."""
        return self.bases[0]

    def await_ready(self, base):
        deadline = time.time() + 300
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the stack exited; see {self.log.name}")
            try:
                if call("GET", base + "/q/health/ready", timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(1)
        raise SystemExit("the stack did not become ready")

    def job_claims(self):
        """How many times each job's lease was taken, read from the Firestore emulator's REST API."""
        claims, token = [], ""
        while True:
            url = (f"http://127.0.0.1:{self.emulator_ports[0]}/v1/projects/qrart-local/databases/(default)"
                   f"/documents/generations?pageSize=300&pageToken={token}")
            with urllib.request.urlopen(url, timeout=30) as reply:
                page = json.load(reply)
            for document in page.get("documents", []):
                history = document["fields"].get("leases", {}).get("arrayValue", {}).get("values", [])
                claims.append(sum(1 for change in history if "takenAt" in change["mapValue"]["fields"]))
            token = page.get("nextPageToken")
            if not token:
                return claims

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            print(f"the stack did not stop in 60 s; killed (see {self.log.name})", flush=True)
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def processes(root_pid):
    """Gateway (java) and TorchServe (everything else) processes under the stack."""
    try:
        tree = psutil.Process(root_pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return [], []
    gateway = [p for p in tree if "quarkus-run.jar" in " ".join(p.cmdline())]
    model_server = [p for p in tree if p not in gateway and p.name() not in ("bash", "sh")]
    return gateway, model_server


def counters(base, names):
    """The gateway's counters of these names (Prometheus text, summed over tags)."""
    totals = dict.fromkeys(names, 0.0)
    with urllib.request.urlopen(base + "/q/metrics", timeout=10) as reply:
        for line in reply.read().decode().splitlines():
            name = line.split("{")[0].split(" ")[0]
            if name in totals:
                totals[name] += float(line.split()[-1])
    return totals


def store_report(stack, accepted):
    """Record store reads and writes per accepted job over every replica, and jobs taken more than once."""
    names = ("qrart_records_reads_total", "qrart_records_writes_total")
    totals = Counter()
    for base in stack.bases:
        totals.update(counters(base, names))
    claims = stack.job_claims()
    per_job = max(1, accepted)
    return {"replicas": len(stack.bases), "jobs_recorded": len(claims),
            "jobs_run_more_than_once": sum(1 for n in claims if n > 1),
            "jobs_never_taken": sum(1 for n in claims if n == 0),
            "store_reads_per_job": round(totals[names[0]] / per_job, 1),
            "store_writes_per_job": round(totals[names[1]] / per_job, 1)}


def sample(stack_pid, base):
    gateway, model_server = processes(stack_pid) if stack_pid else ([], [])
    def rss(procs):
        return sum(p.memory_info().rss for p in procs if p.is_running()) / 2**20

    def threads(procs):
        return sum(p.num_threads() for p in procs if p.is_running())

    metrics = {}
    try:
        with urllib.request.urlopen(base + "/q/metrics", timeout=10) as reply:
            for line in reply.read().decode().splitlines():
                for name in ("jvm_threads_live_threads", "qrart_generations_in_flight"):
                    if line.startswith(name + " "):
                        metrics[name] = float(line.split()[1])
                if line.startswith("jvm_memory_used_bytes") and 'area="heap"' in line:
                    metrics["heap_mib"] = metrics.get("heap_mib", 0) + float(line.split()[-1]) / 2**20
    except OSError:
        pass
    return {"gateway_rss_mib": round(rss(gateway), 1), "gateway_threads": threads(gateway),
            "jvm_heap_used_mib": round(metrics.get("heap_mib", 0), 1),
            "jvm_live_threads": metrics.get("jvm_threads_live_threads"),
            "in_flight": metrics.get("qrart_generations_in_flight"),
            "torchserve_rss_mib": round(rss(model_server), 1), "torchserve_threads": threads(model_server)}


def client_loop(client, base, stop_at, steps, results, lock):
    index = client.index
    rng = random.Random(index)
    while time.time() < stop_at:
        body = {"content": f"https://qr.art/load/{index}", "prompt": f"natural scene {rng.randint(0, 9999)}",
                "steps": steps, "seed": rng.randint(0, 2**31)}
        status, reply, headers, took = call("POST", base + "/api/v1/generations", body, client)
        with lock:
            results["api"].append(took)
        if status == 429 or status == 503:
            with lock:
                results["outcomes"][str(status)] += 1
            time.sleep(float(headers.get("Retry-After", "1")))
            continue
        if status != 202:
            with lock:
                results["outcomes"][f"submit {status}"] += 1
            continue
        submitted = time.perf_counter()
        while True:
            status, state, _, took = call("GET", f"{base}/api/v1/generations/{reply['id']}?wait=true", None, client)
            with lock:
                results["api"].append(took)
            if status == 200 and state["status"] in ("done", "failed"):
                break
            if status not in (200, 503):
                break
        with lock:
            results["outcomes"][state["status"] if status == 200 else f"status {status}"] += 1
            if status == 200 and state["status"] == "failed":
                results["reasons"][state.get("error")] += 1
            if status == 200 and state["status"] == "done":
                results["latency"].append(time.perf_counter() - submitted)
        status, _, _, took = call("GET", base + "/api/v1/gallery?limit=24", None, client)
        with lock:
            results["api"].append(took)
            if status != 200:
                results["outcomes"][f"gallery {status}"] += 1


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["load", "soak"])
    parser.add_argument("--clients", type=int)
    parser.add_argument("--duration", type=int, help="seconds of load")
    parser.add_argument("--steps", type=int, default=4, help="denoising steps per generation")
    parser.add_argument("--base-url", help="a running gateway instead of starting the stack")
    parser.add_argument("--sample-every", type=int, default=60)
    parser.add_argument("--auth", choices=["api-key", "none"], default="api-key",
                        help="each client with its own API key (default), or anonymous")
    parser.add_argument("--replicas", type=int, default=1,
                        help="gateways sharing Firestore and GCS emulators, clients spread over them")
    args = parser.parse_args()
    clients = args.clients or (200 if args.mode == "load" else 20)
    duration = args.duration or (120 if args.mode == "load" else 600)

    admin_secret = None
    if args.auth == "api-key":
        admin_secret = os.environ.get("QRART_ADMIN_SECRET") if args.base_url else secrets.token_urlsafe(32)
        if not admin_secret:
            raise SystemExit("--auth api-key with --base-url needs QRART_ADMIN_SECRET")
    stack = None if args.base_url else Stack(admin_secret, args.replicas)
    bases = [args.base_url] if args.base_url else stack.bases
    base = bases[0]
    stack_pid = stack.process.pid if stack else None
    try:
        samples = [("start", sample(stack_pid, base))]
        results = {"outcomes": Counter(), "latency": [], "api": [], "reasons": Counter()}
        lock = threading.Lock()
        users = issue_keys(base, clients, admin_secret) if admin_secret else [Client(i) for i in range(clients)]
        started = time.perf_counter()
        stop_at = time.time() + duration
        threads = [threading.Thread(target=client_loop,
                                    args=(user, bases[user.index % len(bases)], stop_at, args.steps, results, lock),
                                    daemon=True)
                   for user in users]
        for thread in threads:
            thread.start()
        next_sample = time.time() + args.sample_every
        while any(t.is_alive() for t in threads):
            time.sleep(1)
            if time.time() >= next_sample:
                samples.append((f"{int(time.perf_counter() - started)} s", sample(stack_pid, base)))
                next_sample += args.sample_every
        elapsed = time.perf_counter() - started
        samples.append(("end", sample(stack_pid, base)))
        report = {
            "mode": args.mode, "clients": clients, "auth": args.auth, "duration_s": duration,
            "elapsed_s": round(elapsed, 1),
            "steps": args.steps, "outcomes": dict(results["outcomes"]),
            "failure_reasons": dict(results["reasons"]),
            "generations_per_s": round(results["outcomes"]["done"] / elapsed, 3),
            "submit_to_done_s": {"p50": percentile(results["latency"], 0.5),
                                 "p99": percentile(results["latency"], 0.99),
                                 "max": percentile(results["latency"], 1.0)},
            "api_call_s_excluding_wait": {"p50": percentile([t for t in results["api"] if t < 1], 0.5),
                                          "p99": percentile([t for t in results["api"] if t < 1], 0.99)},
            "samples": dict(samples),
        }
        if stack and stack.replicated:
            accepted = results["outcomes"]["done"] + results["outcomes"]["failed"]
            report["store"] = store_report(stack, accepted)
        print(json.dumps(report, indent=2))
        unexpected = {k: v for k, v in results["outcomes"].items() if k not in ("done", "429", "503")}
        if unexpected:
            raise SystemExit(f"unexpected outcomes: {unexpected}")
        if report.get("store", {}).get("jobs_run_more_than_once"):
            raise SystemExit("a job ran under two leases")
    finally:
        if stack:
            stack.stop()


if __name__ == "__main__":
    main()
