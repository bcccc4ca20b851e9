"""tools/scan_path.py: the scan path's meters as the benchmarks print them from /q/metrics."""
import math

import scan_path

METRICS = """# HELP qrart_scan_cpu_seconds
# TYPE qrart_scan_cpu_seconds histogram
qrart_scan_cpu_seconds_bucket{code="drawn",le="0.1"} 0.0
qrart_scan_cpu_seconds_bucket{code="drawn",le="0.2"} 2.0
qrart_scan_cpu_seconds_bucket{code="drawn",le="0.4"} 6.0
qrart_scan_cpu_seconds_bucket{code="drawn",le="+Inf"} 8.0
qrart_scan_cpu_seconds_count{code="drawn"} 8.0
qrart_scan_cpu_seconds_sum{code="drawn"} 2.4
qrart_scan_duration_seconds_bucket{code="drawn",le="0.5"} 8.0
qrart_scan_duration_seconds_bucket{code="drawn",le="+Inf"} 8.0
qrart_scan_duration_seconds_count{code="drawn"} 8.0
qrart_scan_duration_seconds_sum{code="drawn"} 3.2
qrart_scan_duration_seconds_bucket{le="1.0",code="located"} 0.0
qrart_scan_duration_seconds_bucket{le="+Inf",code="located"} 0.0
qrart_scan_duration_seconds_count{code="located"} 0.0
qrart_scan_duration_seconds_sum{code="located"} 0.0
qrart_scan_checks_total{result="pass"} 8.0
"""


def test_parse_keeps_each_meter_and_code_apart_and_ignores_other_meters():
    series = scan_path.parse(METRICS)
    assert set(series) == {
        ("qrart_scan_cpu_seconds", "drawn"),
        ("qrart_scan_duration_seconds", "drawn"),
        ("qrart_scan_duration_seconds", "located"),
    }
    cpu = series[("qrart_scan_cpu_seconds", "drawn")]
    assert cpu["count"] == 8 and cpu["sum"] == 2.4
    assert cpu["buckets"][0] == (0.1, 0.0) and math.isinf(cpu["buckets"][-1][0])


def test_quantile_interpolates_within_the_bucket_as_prometheus_does():
    buckets = scan_path.parse(METRICS)[("qrart_scan_cpu_seconds", "drawn")]["buckets"]
    assert scan_path.quantile(buckets, 0.25) == 0.2  # rank 2: the top of the second bucket
    assert math.isclose(scan_path.quantile(buckets, 0.5), 0.3)  # rank 4: half-way through 0.2-0.4
    assert scan_path.quantile(buckets, 0.95) == 0.4  # in the +Inf bucket: its lower bound
    assert math.isnan(scan_path.quantile([], 0.5))


def test_summary_lists_wall_before_cpu_and_skips_codes_never_timed():
    lines = scan_path.summary(scan_path.parse(METRICS))
    assert lines == [
        "  scan path drawn, wall: 8 calls, p50 250 ms, p95 475 ms, mean 400 ms",
        "  scan path drawn, thread CPU: 8 calls, p50 300 ms, p95 400 ms, mean 300 ms",
    ]
