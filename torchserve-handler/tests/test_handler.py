"""Through handle(), with a fake TorchServe context and the tiny random-weight model."""
import json

import numpy as np
import pytest
from qrart_handler.codec import NPY_CONTENT_TYPE, decode_npy
from qrart_handler.samples import make_request, qr_like_png, shipped_settings
from qrart_handler.settings import SettingsError, merged

# Batched and single runs use the same per-sample noise; float32 kernels may sum in a
# different order for a different batch size, so allow 2 grey levels at a pixel and
# a mean difference under 0.05 levels.
MAX_PIXEL_DIFF = 2
MAX_MEAN_DIFF = 0.05


def run(handler, context, bodies):
    replies = handler.handle([{"body": body} for body in bodies], context)
    return replies, [context.statuses[i][0] for i in range(len(bodies))]


def assert_close(a, b):
    diff = np.abs(a.astype(np.int16) - b.astype(np.int16))
    assert diff.max() <= MAX_PIXEL_DIFF, diff.max()
    assert diff.mean() <= MAX_MEAN_DIFF, diff.mean()


def test_batch_of_one_returns_an_npy_image(handler, context):
    replies, statuses = run(handler, context, [make_request()])
    assert statuses == [200]
    assert context.content_types[0] == NPY_CONTENT_TYPE
    image = decode_npy(replies[0])
    assert image.shape == (512, 512, 3) and image.dtype == np.uint8
    assert image.std() > 0


def test_batch_of_n_with_mixed_parameters(handler, context):
    bodies = [
        make_request(seed=1, prompt="3D render of a mossy stone temple"),
        make_request(seed=2, guidance_scale=1.0, controlnet_conditioning_scale=0.5),
        make_request(seed=3, width=768, height=768, image=qr_like_png(768, seed=3)),
        make_request(seed=4, num_inference_steps=3, strength=1.0, negative_prompt="blurry"),
        make_request(seed=5, guidance_scale=12.0, controlnet_conditioning_scale=2.0),
    ]
    replies, statuses = run(handler, context, bodies)
    assert statuses == [200] * 5
    shapes = [decode_npy(r).shape for r in replies]
    assert shapes == [(512, 512, 3), (512, 512, 3), (768, 768, 3), (512, 512, 3), (512, 512, 3)]
    # Sizes and schedules split passes; the other two are per sample inside one pass.
    assert sorted(handler.service.last_stats.passes) == [1, 1, 3]


def test_batched_output_equals_single_output(handler, context):
    bodies = [
        make_request(seed=11, prompt="fine art oil painting of a forest"),
        make_request(seed=12, guidance_scale=2.0, controlnet_conditioning_scale=0.7),
        make_request(seed=13, guidance_scale=1.0, negative_prompt="low quality"),
    ]
    batched, _ = run(handler, context, bodies)
    assert handler.service.last_stats.passes == [3]
    for body, reply in zip(bodies, batched):
        single, _ = run(handler, context, [body])
        assert_close(decode_npy(reply), decode_npy(single[0]))


def test_per_sample_parameters_change_the_output(handler, context):
    base = make_request(seed=21)
    variants = [base, {**base, "seed": 22}, {**base, "guidance_scale": 1.0},
                {**base, "controlnet_conditioning_scale": 0.0}]
    replies, _ = run(handler, context, variants)
    images = [decode_npy(r).astype(np.int16) for r in replies]
    for other in images[1:]:
        assert np.abs(images[0] - other).mean() > 0.5


def test_same_seed_same_image(handler, context):
    first, _ = run(handler, context, [make_request(seed=31)])
    second, _ = run(handler, context, [make_request(seed=31)])
    assert np.array_equal(decode_npy(first[0]), decode_npy(second[0]))


def test_malformed_item_fails_alone_naming_the_field(handler, context):
    bodies = [make_request(seed=41), make_request(strength="strong"), b"{broken", make_request(seed=42)]
    replies, statuses = run(handler, context, bodies)
    assert statuses == [200, 400, 400, 200]
    assert json.loads(replies[1])["field"] == "strength"
    assert json.loads(replies[2])["field"] == "body"
    assert decode_npy(replies[3]).shape == (512, 512, 3)


def test_a_failing_pass_fails_only_its_members(handler, context, monkeypatch):
    real_run = handler.service.run_pass

    def fail_on_768(requests):
        if requests[0].width == 768:
            raise RuntimeError("CUDA out of memory. Tried to allocate 2 GiB")
        return real_run(requests)

    monkeypatch.setattr(handler.service, "run_pass", fail_on_768)
    bodies = [make_request(seed=51), make_request(seed=52, width=768, height=768, image=qr_like_png(768))]
    replies, statuses = run(handler, context, bodies)
    assert statuses == [200, 507]
    assert "out of memory" in json.loads(replies[1])["error"]


def test_worker_survives_a_batch_of_only_bad_items(handler, context):
    replies, statuses = run(handler, context, [b"", {"prompt": "x"}, []])
    assert statuses == [400, 400, 400]
    replies, statuses = run(handler, context, [make_request(seed=61)])
    assert statuses == [200]


def test_padded_passes_return_the_same_images(tiny_model_dir, handler_config, context, handler):
    from ts_handler import QrArtHandler

    padded = QrArtHandler()
    padded.initialize(type(context)(tiny_model_dir, merged(handler_config, {
        "pass_buckets": [4, 8], "warmup": True, "defaults": {"num_inference_steps": 2, "strength": 1.0},
    })))
    bodies = [make_request(seed=71), make_request(seed=72, guidance_scale=3.0)]
    with_padding, statuses = run(padded, context, bodies)
    assert statuses == [200, 200]
    without_padding, _ = run(handler, context, bodies)
    for a, b in zip(with_padding, without_padding):
        assert_close(decode_npy(a), decode_npy(b))


def test_a_pass_out_of_memory_is_split_until_it_fits_and_every_item_is_answered(
        tiny_model_dir, handler_config, context, handler, caplog):
    from ts_handler import QrArtHandler

    constrained = QrArtHandler()
    constrained.initialize(type(context)(tiny_model_dir, merged(handler_config, {"inject_oom_above_pass": 2})))
    bodies = [make_request(seed=80 + i) for i in range(8)]
    with caplog.at_level("WARNING", logger="qrart_handler.service"):
        split, statuses = run(constrained, context, bodies)
    assert statuses == [200] * 8
    assert constrained.service.last_stats.passes == [2, 2, 2, 2]
    assert sum("QRART_SPLIT" in record.getMessage() for record in caplog.records) == 3
    whole, _ = run(handler, context, bodies)
    for a, b in zip(split, whole):
        assert_close(decode_npy(a), decode_npy(b))


def test_a_single_item_that_does_not_fit_alone_fails_with_507(handler, context, monkeypatch):
    def never_fits(requests):
        raise RuntimeError("CUDA out of memory. Tried to allocate 20 GiB")

    monkeypatch.setattr(handler.service, "run_pass", never_fits)
    replies, statuses = run(handler, context, [make_request(seed=91), make_request(seed=92)])
    assert statuses == [507, 507]
    assert handler.service.last_stats.passes == []


def test_fault_injection_is_refused_off_the_cpu():
    with pytest.raises(SettingsError, match="inject_oom_above_pass"):
        shipped_settings(device="cuda", inject_oom_above_pass=2)
