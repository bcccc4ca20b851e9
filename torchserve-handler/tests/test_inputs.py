"""Validation happens before an item joins a batch; each error names its field."""
import base64
import dataclasses
import io
import json

import pytest
from PIL import Image
from qrart_handler.errors import InvalidRequest, PayloadTooLarge
from qrart_handler.inputs import parse_request
from qrart_handler.samples import make_request, qr_like_png, shipped_section, shipped_settings
from qrart_handler.settings import HandlerSettings, SettingsError, merged

SHIPPED = shipped_settings()


def png_b64(size=(512, 512), mode="RGB") -> str:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def jpeg_b64() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (512, 512)).save(buffer, format="JPEG")
    return base64.b64encode(buffer.getvalue()).decode()


BAD_REQUESTS = [
    ("missing prompt", {"prompt": None}, "prompt"),
    ("empty prompt", {"prompt": "   "}, "prompt"),
    ("oversized prompt", {"prompt": "x" * 1001}, "prompt"),
    ("prompt not a string", {"prompt": ["a"]}, "prompt"),
    ("prompt with control chars", {"prompt": "a\x00b"}, "prompt"),
    ("negative prompt not a string", {"negative_prompt": 3}, "negative_prompt"),
    ("strength not numeric", {"strength": "high"}, "strength"),
    ("strength zero", {"strength": 0}, "strength"),
    ("strength above one", {"strength": 1.5}, "strength"),
    ("strength NaN", {"strength": float("nan")}, "strength"),
    ("strength boolean", {"strength": True}, "strength"),
    ("guidance negative", {"guidance_scale": -1}, "guidance_scale"),
    ("guidance huge", {"guidance_scale": 1e9}, "guidance_scale"),
    ("conditioning infinite", {"controlnet_conditioning_scale": float("inf")}, "controlnet_conditioning_scale"),
    ("steps zero", {"num_inference_steps": 0}, "num_inference_steps"),
    ("steps fractional", {"num_inference_steps": 2.5}, "num_inference_steps"),
    ("steps too many", {"num_inference_steps": 1000}, "num_inference_steps"),
    ("no step runs", {"num_inference_steps": 2, "strength": 0.2}, "strength"),
    ("seed missing", {"seed": None}, "seed"),
    ("seed negative", {"seed": -1}, "seed"),
    ("seed text", {"seed": "42"}, "seed"),
    ("width not allowed", {"width": 640}, "width"),
    ("height not allowed", {"height": 100000}, "height"),
    ("image missing", {"image": None}, "image"),
    ("image not base64", {"image": "not base64!!"}, "image"),
    ("image a JPEG", {"image": jpeg_b64()}, "image"),
    ("image truncated PNG", {"image": base64.b64encode(b"\x89PNG\r\n\x1a\n....").decode()}, "image"),
    ("image wrong size", {"image": png_b64((256, 256))}, "image"),
    ("image mismatching height", {"height": 768}, "image"),
    ("control start negative", {"control_guidance_start": -0.1}, "control_guidance_start"),
    ("control end above one", {"control_guidance_end": 1.2}, "control_guidance_end"),
    ("control end not numeric", {"control_guidance_end": "late"}, "control_guidance_end"),
    ("control window empty", {"control_guidance_start": 0.6, "control_guidance_end": 0.6}, "control_guidance_end"),
    ("control window reversed", {"control_guidance_start": 0.8, "control_guidance_end": 0.2}, "control_guidance_end"),
    ("unknown field", {"steps": 30}, "steps"),
    ("request id too long", {"request_id": "r" * 200}, "request_id"),
]


def drop_nones(body):
    return {k: v for k, v in body.items() if v is not None}


@pytest.mark.parametrize("name,overrides,field", BAD_REQUESTS, ids=[b[0] for b in BAD_REQUESTS])
def test_bad_input_is_rejected_naming_the_field(name, overrides, field):
    with pytest.raises(InvalidRequest) as raised:
        parse_request(drop_nones(make_request(**overrides)), SHIPPED.limits, SHIPPED.defaults)
    assert raised.value.field == field
    assert field in raised.value.message or field == "image"
    assert 400 <= raised.value.status < 500


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"\xff\xfe\x00", "[1, 2, 3]", json.dumps("a string"), 42],
    ids=["malformed json", "invalid utf-8", "array", "string", "number"],
)
def test_body_that_is_not_a_json_object_names_body(body):
    with pytest.raises(InvalidRequest) as raised:
        parse_request(body, SHIPPED.limits, SHIPPED.defaults)
    assert raised.value.field == "body"


def test_oversized_image_is_413_before_decoding():
    limits = dataclasses.replace(SHIPPED.limits, max_image_bytes=1000)
    with pytest.raises(PayloadTooLarge) as raised:
        parse_request(make_request(), limits, SHIPPED.defaults)
    assert raised.value.status == 413 and raised.value.field == "image"


def test_defaults_are_the_original_knobs():
    body = {"prompt": "fine art", "image": qr_like_png(), "seed": 1}
    request = parse_request(body, SHIPPED.limits, SHIPPED.defaults)
    assert (request.strength, request.controlnet_conditioning_scale, request.guidance_scale) == (0.9, 1.3, 7.5)
    assert (request.num_inference_steps, request.width, request.height) == (30, 512, 512)
    assert (request.control_guidance_start, request.control_guidance_end) == (0.0, 1.0)


def test_json_given_as_bytes_or_text_parses_like_a_dict():
    body = make_request()
    from_bytes = parse_request(json.dumps(body).encode(), SHIPPED.limits, SHIPPED.defaults)
    from_text = parse_request(json.dumps(body), SHIPPED.limits, SHIPPED.defaults)
    assert from_bytes.prompt == from_text.prompt == body["prompt"]


def test_768_is_allowed():
    body = make_request(width=768, height=768, image=qr_like_png(768))
    request = parse_request(body, SHIPPED.limits, SHIPPED.defaults)
    assert (request.width, request.height) == (768, 768)


def test_settings_reject_unknown_keys_and_bad_types():
    with pytest.raises(SettingsError, match="unknown key.*handler: batch"):
        HandlerSettings.from_mapping(merged(shipped_section(), {"batch": 3}))
    with pytest.raises(SettingsError, match="handler.limits.max_steps"):
        HandlerSettings.from_mapping(merged(shipped_section(), {"limits": {"max_steps": "many"}}))
    with pytest.raises(SettingsError, match="handler.compile"):
        HandlerSettings.from_mapping(merged(shipped_section(), {"compile": "yes"}))
    with pytest.raises(SettingsError, match="pass_buckets"):
        HandlerSettings.from_mapping(merged(shipped_section(), {"max_pass_batch": 16, "pass_buckets": [1, 2, 4]}))
    parsed = shipped_settings(max_pass_batch=4, defaults={"strength": 0.8})
    assert parsed.max_pass_batch == 4 and parsed.defaults.strength == 0.8
    assert parsed.defaults.guidance_scale == 7.5, "keys not overridden keep the shipped value"


def test_settings_name_every_missing_key():
    section = shipped_section()
    del section["scheduler"]
    del section["limits"]["max_seed"]
    with pytest.raises(SettingsError, match=r"missing key\(s\) in handler.limits: max_seed"):
        HandlerSettings.from_mapping(section)
    section["limits"]["max_seed"] = 7
    with pytest.raises(SettingsError, match=r"missing key\(s\) in handler: scheduler"):
        HandlerSettings.from_mapping(section)
