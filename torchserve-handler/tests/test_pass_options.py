"""What the pass runs: the ControlNet only inside each row's control window, and the
unconditional half only for the steps before the classifier-free guidance cut-off."""
import dataclasses

import numpy as np
import pytest
from flops import RowCounter
from qrart_handler.inputs import parse_request
from qrart_handler.loading import load_components
from qrart_handler.pipeline import BatchedImg2Img, PassOptions, guided_steps
from qrart_handler.samples import make_request
from qrart_handler.settings import HandlerSettings

# Strength 1.0 of 4 steps runs all 4, so a window of 0.5 holds 2 of them.
FOUR_STEPS = {"num_inference_steps": 4, "strength": 1.0}


@pytest.fixture(scope="module")
def components(tiny_model_dir, handler_config):
    return load_components(HandlerSettings.from_mapping(handler_config), tiny_model_dir)


@pytest.fixture
def counted(components):
    return dataclasses.replace(
        components, unet=RowCounter(components.unet, []), controlnet=RowCounter(components.controlnet, []),
    )


def requests(settings, *overrides):
    return [parse_request(make_request(**FOUR_STEPS, **o), settings.limits, settings.defaults) for o in overrides]


def test_the_controlnet_runs_only_for_rows_inside_their_window(counted, settings):
    batch = requests(
        settings,
        {"seed": 1, "guidance_scale": 1.0, "control_guidance_end": 0.5},
        {"seed": 2, "guidance_scale": 1.0, "control_guidance_start": 0.5},
        {"seed": 3, "guidance_scale": 1.0, "control_guidance_start": 0.25, "control_guidance_end": 0.5},
    )
    BatchedImg2Img(counted).run(batch)
    # Steps 0, 1 hold rows 1 and 3 (step 1 only), steps 2, 3 row 2; the UNet always sees all three.
    assert counted.controlnet.rows == [1, 2, 1, 1]
    assert counted.unet.rows == [3, 3, 3, 3]


def test_no_controlnet_call_at_all_when_every_window_has_ended(counted, settings):
    batch = requests(settings, {"seed": 1, "control_guidance_end": 0.5}, {"seed": 2, "control_guidance_end": 0.5})
    BatchedImg2Img(counted).run(batch)
    assert counted.controlnet.rows == [4, 4]  # two steps, both rows with their unconditional twins
    assert counted.unet.rows == [4, 4, 4, 4]


def test_ending_the_window_early_changes_the_image(components, settings):
    """(That it changes it exactly as stock diffusers does is test_parity's part.)"""
    [windowed] = requests(settings, {"seed": 5, "control_guidance_end": 0.5})
    [full] = BatchedImg2Img(components).run([dataclasses.replace(windowed, control_guidance_end=1.0)])
    [skipped] = BatchedImg2Img(components).run([windowed])
    assert np.abs(full.astype(int) - skipped.astype(int)).mean() > 0.5, "the window changed nothing"


def test_the_guidance_cut_off_drops_the_unconditional_half_for_the_late_steps(counted, settings):
    batch = requests(settings, {"seed": 1}, {"seed": 2, "guidance_scale": 3.0})
    BatchedImg2Img(counted, PassOptions(cfg_cutoff=0.5)).run(batch)
    assert counted.unet.rows == [4, 4, 2, 2]
    assert counted.controlnet.rows == [4, 4, 2, 2]


def test_guided_steps_follow_the_diffusers_cut_off_rule():
    assert guided_steps(27, 1.0) == 27
    assert guided_steps(27, 0.6) == 16
    assert guided_steps(4, 0.5) == 2


def test_controlnet_residuals_are_reused_every_other_step_from_the_set_fraction(counted, settings):
    batch = requests(settings, {"seed": 1, "guidance_scale": 1.0}, {"seed": 2, "guidance_scale": 1.0})
    BatchedImg2Img(counted, PassOptions(control_reuse_from=0.25)).run(batch)
    assert counted.controlnet.rows == [2, 2, 2]  # step 2 reuses step 1's residuals
    assert counted.unet.rows == [2, 2, 2, 2]


def test_reused_residuals_follow_the_guidance_cut_off(counted, settings, components):
    batch = requests(settings, {"seed": 1}, {"seed": 2})
    options = PassOptions(cfg_cutoff=0.5, control_reuse_from=0.25)
    images = BatchedImg2Img(counted, options).run(batch)
    # Step 2 is unguided and reuses the conditional half of step 1's residuals.
    assert counted.unet.rows == [4, 4, 2, 2]
    assert counted.controlnet.rows == [4, 4, 2]
    full = BatchedImg2Img(components).run(batch)
    assert all(np.abs(a.astype(int) - b.astype(int)).mean() < 20 for a, b in zip(images, full))


def test_reuse_follows_its_rule():
    from qrart_handler.pipeline import reuses_control

    assert [reuses_control(i, 10, 0.5) for i in range(10)] == [False] * 6 + [True, False, True, False]
    assert not any(reuses_control(i, 10, 1.0) for i in range(10))
