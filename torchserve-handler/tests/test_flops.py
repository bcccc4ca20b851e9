"""The FLOP benchmark: exact per-row counts on the full-size architecture, the plan from the code."""
import flops


def test_flops_per_image_fall_with_each_option_and_images_move_a_little():
    result = flops.main(["--steps", "4", "--strength", "1.0", "--images", "1"])
    assert result["linear_in_rows"]
    per_row = result["flops_per_row"]
    assert per_row["unet"] > per_row["controlnet"] > per_row["text_encoder"] > 0
    rows = {row["option"]: row for row in result["rows"]}
    default = rows["default"]
    # 4 guided steps, one image: the UNet and the ControlNet each see 8 rows.
    assert default["rows"]["unet"] == default["rows"]["controlnet"] == 8
    assert default["max_diff"] == 0
    for name, row in rows.items():
        if name != "default":
            assert row["tflop_per_image"] < default["tflop_per_image"], name
    assert rows["all options"]["tflop_per_image"] == min(r["tflop_per_image"] for r in rows.values())
    assert rows["all options"]["mean_diff"] > 0, "the options changed nothing"
