"""The grouping rule: same size and same timesteps actually run share one pass."""
from qrart_handler.grouping import control_steps, first_step, pass_key, plan_passes
from qrart_handler.inputs import parse_request
from qrart_handler.samples import make_request, qr_like_png, shipped_settings

SHIPPED = shipped_settings()


def parsed(**overrides):
    return parse_request(make_request(**overrides), SHIPPED.limits, SHIPPED.defaults)


def test_first_step_follows_diffusers_img2img():
    assert first_step(30, 0.9) == 3
    assert first_step(30, 1.0) == 0
    assert first_step(4, 0.5) == 2


def test_per_sample_parameters_do_not_split_a_pass():
    a = parsed(prompt="a", seed=1, guidance_scale=3.0, controlnet_conditioning_scale=0.8)
    b = parsed(prompt="b", seed=2, guidance_scale=9.0, controlnet_conditioning_scale=1.6, negative_prompt="ugly")
    assert pass_key(a) == pass_key(b)


def test_strengths_that_run_the_same_timesteps_share_a_pass():
    assert pass_key(parsed(num_inference_steps=30, strength=0.9)) == pass_key(
        parsed(num_inference_steps=30, strength=0.91)
    )


def test_size_steps_and_strength_that_change_timesteps_split():
    base = parsed()
    assert pass_key(parsed(width=768, height=768, image=qr_like_png(768))) != pass_key(base)
    assert pass_key(parsed(num_inference_steps=6)) != pass_key(base)
    assert pass_key(parsed(strength=1.0)) != pass_key(base)


def test_control_steps_follow_diffusers_keep_rule():
    assert control_steps(10, 0.0, 1.0) == range(0, 10)
    assert control_steps(10, 0.0, 0.8) == range(0, 8)
    assert control_steps(10, 0.25, 1.0) == range(3, 10)
    assert control_steps(27, 0.0, 0.8) == range(0, 21)
    assert control_steps(2, 0.2, 0.4) == range(1, 1)  # a window narrower than one step runs none


def test_control_windows_share_a_pass_unless_the_model_is_compiled():
    early, late = parsed(control_guidance_end=0.5), parsed(control_guidance_start=0.5)
    assert pass_key(early) == pass_key(late)
    assert pass_key(early, by_control_window=True) != pass_key(late, by_control_window=True)
    assert pass_key(parsed(control_guidance_end=0.9), True) == pass_key(parsed(control_guidance_end=0.95), True)


def test_plan_keeps_batch_indices_and_splits_large_groups():
    items = [(i, parsed(seed=i)) for i in range(5)] + [(5, parsed(num_inference_steps=6))]
    passes = plan_passes(items, max_pass_batch=2)
    assert [[i for i, _ in members] for _, members in passes] == [[0, 1], [2, 3], [4], [5]]


def test_padding_fills_the_smallest_bucket_with_the_last_request():
    from qrart_handler.grouping import pad_to_bucket

    assert pad_to_bucket(["a", "b", "c"], (1, 2, 4, 8)) == ["a", "b", "c", "c"]
    assert pad_to_bucket(["a", "b"], (1, 2, 4)) == ["a", "b"]
    assert pad_to_bucket(["a", "b", "c"], ()) == ["a", "b", "c"]
