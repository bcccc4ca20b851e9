"""The GPU benchmark script runs on the CPU with the tiny model: correctness only."""
import json

import gpu_throughput


def test_benchmark_runs_tiny_on_cpu_and_its_checks_hold(tmp_path):
    result = gpu_throughput.main([
        "--model", "tiny", "--device", "cpu", "--batch-sizes", "1,2", "--steps", "2", "--strength", "1.0",
        "--repeats", "1", "--baseline-requests", "1", "--out", str(tmp_path),
        "--cfg-cutoff", "0.5", "--control-end", "0.5", "--options-batch-sizes", "2",
    ])
    assert [r["batch"] for r in result["rows"]] == [1, 1, 2, 2]
    assert result["options_flops_per_image"] < result["flops_per_image"]
    assert all(r["images_per_s"] > 0 for r in result["rows"])
    assert result["flops_per_image"] > 0
    worst, mean = result["checks"]["batched_vs_single_max_mean_diff"]
    assert worst <= 2 and mean <= 0.05
    # On the CPU the optimised path stays float32: fused QKV and channels_last must not change the image.
    worst, mean = result["checks"]["optimised_vs_fp32_max_mean_diff"]
    assert worst <= 2 and mean <= 0.05
    written = json.loads(next(tmp_path.glob("*.json")).read_text())
    assert written["rows"] == result["rows"]
    assert "| config | batch | images/s |" in next(tmp_path.glob("*.md")).read_text()
