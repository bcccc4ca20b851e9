"""The gateway's own timing of its scan path, read from /q/metrics (Prometheus text).

`qrart_scan_duration_seconds` is the wall time of each call of the scan path and
`qrart_scan_cpu_seconds` the CPU time of the thread that ran it, both tagged `code` (`drawn`: a round
of generated candidates or a picture's drawn code; `located`: a code fixed in place). Quantiles are
interpolated within the histogram's buckets, as Prometheus' histogram_quantile does.
`qrart_scan_part_cpu_seconds_total` splits that CPU by part (gate, plan, prediction, confirmation,
reference, paint: `PathCosts.Part` in qr-engine) and `qrart_scan_confirmations_total` counts the
real readers' confirmations by whether they agreed with the model of the readers.
"""

import math
import re
import urllib.request

METERS = {"qrart_scan_duration_seconds": "wall", "qrart_scan_cpu_seconds": "thread CPU"}
SAMPLE = re.compile(
    r"^(?P<meter>qrart_scan_\w+_seconds)_(?P<kind>bucket|count|sum)\{(?P<labels>[^}]*)\}\s+(?P<value>\S+)"
)
LABEL = re.compile(r'(\w+)="([^"]*)"')
COUNTER = re.compile(
    r"^(?P<meter>qrart_scan_(?:part_cpu_seconds|confirmations)_total)\{(?P<labels>[^}]*)\}\s+(?P<value>\S+)"
)


def parse(text):
    """{(meter, code): {"buckets": [(upper bound, cumulative count)], "count": n, "sum": seconds}}."""
    series = {}
    for line in text.splitlines():
        match = SAMPLE.match(line)
        if not match or match["meter"] not in METERS:
            continue
        labels = dict(LABEL.findall(match["labels"]))
        entry = series.setdefault((match["meter"], labels.get("code", "")), {"buckets": [], "count": 0, "sum": 0.0})
        value = float(match["value"])
        if match["kind"] == "bucket":
            entry["buckets"].append((float(labels["le"]), value))
        else:
            entry[match["kind"]] = value
    for entry in series.values():
        entry["buckets"].sort()
    return series


def quantile(buckets, share):
    """The share-quantile of a cumulative histogram, linear within its bucket; NaN when empty."""
    total = buckets[-1][1] if buckets else 0
    if total == 0:
        return math.nan
    rank = share * total
    lower, below = 0.0, 0.0
    for upper, cumulative in buckets:
        if cumulative >= rank:
            if math.isinf(upper):
                return lower
            inside = cumulative - below
            return lower + (upper - lower) * ((rank - below) / inside if inside else 1.0)
        lower, below = upper, cumulative
    return lower


def summary(series):
    """One line per code and meter: calls, p50 / p95 and mean in milliseconds."""
    lines = []
    order = list(METERS)
    for (meter, code), entry in sorted(series.items(), key=lambda item: (item[0][1], order.index(item[0][0]))):
        if not entry["count"]:
            continue
        p50, p95 = (1000 * quantile(entry["buckets"], share) for share in (0.5, 0.95))
        lines.append(
            f"  scan path {code}, {METERS[meter]}: {int(entry['count'])} calls, "
            f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, mean {1000 * entry['sum'] / entry['count']:.0f} ms"
        )
    return lines


def parts(text, series):
    """Per code: mean CPU milliseconds per call by part, and confirmations agreeing with the model."""
    sums, confirmations = {}, {}
    for line in text.splitlines():
        match = COUNTER.match(line)
        if not match:
            continue
        labels = dict(LABEL.findall(match["labels"]))
        code, value = labels.get("code", ""), float(match["value"])
        if match["meter"].startswith("qrart_scan_part"):
            sums.setdefault(code, {})[labels.get("part", "")] = value
        else:
            confirmations.setdefault(code, {})[labels.get("agreed", "")] = value
    lines = []
    for code, by_part in sorted(sums.items()):
        calls = series.get(("qrart_scan_cpu_seconds", code), {}).get("count", 0)
        if not calls:
            continue
        split = ", ".join(f"{part} {1000 * seconds / calls:.0f}" for part, seconds in by_part.items())
        agreed = confirmations.get(code, {})
        total = agreed.get("true", 0) + agreed.get("false", 0)
        lines.append(
            f"  scan path {code}, CPU by part, mean ms per call: {split}; "
            f"confirmations that contradicted the model {int(agreed.get('false', 0))} of {int(total)}"
        )
    return lines


def read(base):
    """The scan path's meters of the gateway at base, as summary lines."""
    with urllib.request.urlopen(base + "/q/metrics", timeout=30) as reply:
        text = reply.read().decode()
    series = parse(text)
    return summary(series) + parts(text, series)
