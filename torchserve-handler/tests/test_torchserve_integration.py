"""A real TorchServe process on the CPU with the tiny archive: concurrency becomes batches."""
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor

import requests
from qrart_handler.codec import decode_npy
from qrart_handler.samples import make_request

CONCURRENT_REQUESTS = 12


def predict(server, body, key=None):
    headers = {"Authorization": f"Bearer {key or server.key('inference')}"}
    return requests.post(f"{server.inference_url}/predictions/qrart", json=body, headers=headers, timeout=300)


def test_concurrent_requests_are_answered_and_batched(torchserve):
    bodies = [dict(make_request(seed=i, prompt=f"natural scene {i}"), request_id=f"gen{i}-0")
              for i in range(CONCURRENT_REQUESTS)]
    with ThreadPoolExecutor(CONCURRENT_REQUESTS) as pool:
        replies = list(pool.map(lambda body: predict(torchserve, body), bodies))
    for reply in replies:
        assert reply.status_code == 200, reply.text
        assert reply.headers["Content-Type"].startswith("application/x-npy")
        image = decode_npy(reply.content)
        assert image.shape == (512, 512, 3) and image.dtype.name == "uint8"
    with open(os.path.join(torchserve.log_dir, "model_log.log"), encoding="utf-8") as f:
        log = f.read()
    sizes = [int(n) for n in re.findall(r"QRART_BATCH size=(\d+)", log)]
    assert sum(sizes) >= CONCURRENT_REQUESTS
    logged_ids = set(",".join(re.findall(r"request_ids=(\S*)", log)).split(","))
    assert {f"gen{i}-0" for i in range(CONCURRENT_REQUESTS)} <= logged_ids, "the gateway's ids reach the handler log"
    assert max(sizes) > 1, f"the handler only saw batches of {sizes}"


def test_bad_item_gets_a_4xx_naming_the_field_and_the_worker_lives(torchserve):
    reply = predict(torchserve, make_request(guidance_scale="loud"))
    assert reply.status_code == 400
    assert reply.json()["field"] == "guidance_scale"
    assert predict(torchserve, make_request(seed=99)).status_code == 200


def test_inference_needs_the_token(torchserve):
    # TorchServe 0.12 answers a bad token with 400 and a "Token Authorization failed" message.
    reply = predict(torchserve, make_request(), key="wrong-key")
    assert reply.status_code in (400, 401)
    assert "token" in reply.text.lower()
    assert not reply.headers.get("Content-Type", "").startswith("application/x-npy")


def test_model_registration_is_off(torchserve):
    headers = {"Authorization": f"Bearer {torchserve.key('management')}"}
    reply = requests.post(f"{torchserve.management_url}/models?url=http://127.0.0.1:1/evil.mar", headers=headers,
                          timeout=10)
    assert reply.status_code >= 400
    assert "qrart" in json.dumps(torchserve.management().model_status())


def test_prometheus_metrics_are_served(torchserve):
    text = requests.get(f"{torchserve.metrics_url}/metrics", timeout=10).text
    assert "ts_inference_requests_total" in text
    assert "Bearer" not in text and torchserve.key("inference") not in text
