"""Real-weight layouts without real weights: a Hugging Face hub cache and plain folders laid out as
the SD 1.5 and QR Code Monster repositories are, filled with the tiny model's weights, beside the
duplicates those repositories carry (here unreadable bytes, so loading one of them would fail)."""
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest
import yaml
from qrart_handler.codec import decode_npy
from qrart_handler.samples import make_request
from ts_testing import serving
from weights_layout import base_download, base_variant, controlnet_download
from weights_layout import controlnet_variant as pick_controlnet_variant

BUILD_ARCHIVE = os.path.join(os.path.dirname(__file__), "..", "..", "model-archiver", "build_archive.py")
REVISION = "1d0c4ebf6ff58a5caecab40fa1406526bca4b5b9"
# SD 1.5's model_index.json names the plain text-to-image pipeline, with its safety checker.
SD15_INDEX = {
    "_class_name": "StableDiffusionPipeline", "_diffusers_version": "0.6.0",
    "feature_extractor": ["transformers", "CLIPImageProcessor"],
    "safety_checker": ["stable_diffusion", "StableDiffusionSafetyChecker"],
    "scheduler": ["diffusers", "PNDMScheduler"], "text_encoder": ["transformers", "CLIPTextModel"],
    "tokenizer": ["transformers", "CLIPTokenizer"], "unet": ["diffusers", "UNet2DConditionModel"],
    "vae": ["diffusers", "AutoencoderKL"], "requires_safety_checker": True,
}
DECOYS = ["v1-5-pruned.ckpt", "v1-5-pruned-emaonly.safetensors", "unet/diffusion_pytorch_model.bin",
          "unet/diffusion_pytorch_model.non_ema.safetensors", "vae/diffusion_pytorch_model.bin",
          "text_encoder/pytorch_model.bin", "text_encoder/model.fp16.bin"]


def junk(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"not a weights file")


def sd15_folder(tiny_pipeline: str, target: str, variants=("", "fp16")) -> str:
    from qrart_handler.tiny import write_tokenizer

    shutil.copytree(os.path.join(tiny_pipeline, "scheduler"), os.path.join(target, "scheduler"))
    write_tokenizer(os.path.join(target, "tokenizer"))  # vocab.json + merges.txt, as SD 1.5 ships them
    shutil.copy(os.path.join(tiny_pipeline, "tokenizer", "tokenizer_config.json"), os.path.join(target, "tokenizer"))
    for component, stem in (("unet", "diffusion_pytorch_model"), ("vae", "diffusion_pytorch_model"),
                            ("text_encoder", "model")):
        os.makedirs(os.path.join(target, component))
        shutil.copy(os.path.join(tiny_pipeline, component, "config.json"), os.path.join(target, component))
        for variant in variants:
            name = f"{stem}.{variant}.safetensors" if variant else f"{stem}.safetensors"
            shutil.copy(os.path.join(tiny_pipeline, component, f"{stem}.safetensors"),
                        os.path.join(target, component, name))
    with open(os.path.join(target, "model_index.json"), "w", encoding="utf-8") as f:
        json.dump(SD15_INDEX, f)
    for decoy in DECOYS:
        junk(os.path.join(target, decoy))
    return target


def controlnet_folder(tiny_pipeline: str, target: str) -> str:
    os.makedirs(target)
    for name in ("config.json", "diffusion_pytorch_model.safetensors"):
        shutil.copy(os.path.join(tiny_pipeline, "controlnet", name), target)
    junk(os.path.join(target, "control_v1p_sd15_qrcode_monster_v2.safetensors"))
    return target


def hub_cache(tiny_pipeline: str, home: str) -> tuple[str, str]:
    snapshots = []
    for repo in ("models--stable-diffusion-v1-5--stable-diffusion-v1-5",
                 "models--monster-labs--control_v1p_sd15_qrcode_monster"):
        root = os.path.join(home, "hub", repo)
        os.makedirs(os.path.join(root, "refs"))
        with open(os.path.join(root, "refs", "main"), "w", encoding="utf-8") as f:
            f.write(REVISION)
        snapshots.append(os.path.join(root, "snapshots", REVISION))
    sd15_folder(tiny_pipeline, snapshots[0])
    controlnet_folder(tiny_pipeline, os.path.join(snapshots[1], "v2"))
    return snapshots[0], os.path.join(snapshots[1], "v2")


def build(model_store: str, *args: str, env=None) -> subprocess.CompletedProcess:
    command = [sys.executable, BUILD_ARCHIVE, "--model-store", model_store, "--set", "device=cpu", *args]
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300)


def handler_section(model_store: str) -> dict:
    with zipfile.ZipFile(os.path.join(model_store, "qrart.mar")) as mar:
        return yaml.safe_load(mar.read("model-config.yaml"))["handler"]


def test_a_hub_cache_builds_an_archive_that_torchserve_loads_and_answers(tiny_model_dir, tmp_path):
    home = str(tmp_path / "hf-home")
    base, controlnet = hub_cache(os.path.join(tiny_model_dir, "pipeline"), home)
    store = str(tmp_path / "store")
    done = build(store, "--source", "auto", env={"HF_HOME": home, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    handler = handler_section(store)
    assert (handler["pipeline_path"], handler["controlnet_path"]) == (base, controlnet)
    assert (handler["weights_variant"], handler["controlnet_variant"]) == ("", "")  # fp32 files on the CPU
    with serving(store, str(tmp_path / "work")) as server:
        import requests

        reply = requests.post(f"{server.inference_url}/predictions/qrart", json=make_request(seed=3),
                              headers={"Authorization": f"Bearer {server.key('inference')}"}, timeout=300)
        assert reply.status_code == 200, reply.text
        assert decode_npy(reply.content).shape == (512, 512, 3)


def test_plain_folders_with_only_fp16_files_load_the_fp16_variant(tiny_model_dir, tmp_path):
    from qrart_handler.loading import load_components
    from qrart_handler.settings import HandlerSettings

    tiny = os.path.join(tiny_model_dir, "pipeline")
    base = sd15_folder(tiny, str(tmp_path / "sd15"), variants=("fp16",))
    controlnet = controlnet_folder(tiny, str(tmp_path / "qr-monster"))
    store = str(tmp_path / "store")
    done = build(store, "--source", "dir", "--base", base, "--controlnet", controlnet)
    assert done.returncode == 0, done.stdout + done.stderr
    handler = handler_section(store)
    assert (handler["weights_variant"], handler["controlnet_variant"]) == ("fp16", "")
    components = load_components(HandlerSettings.from_mapping(handler), store)
    assert components.unet is not None and components.controlnet is not None


@pytest.mark.parametrize("removed,named", [
    ("unet/diffusion_pytorch_model.safetensors", "unet/diffusion_pytorch_model.safetensors"),
    ("tokenizer/merges.txt", "tokenizer/merges.txt"),
    ("vae/config.json", "vae/config.json"),
    ("model_index.json", "model_index.json"),
])
def test_a_partial_folder_fails_at_archive_time_naming_the_missing_file(tiny_model_dir, tmp_path, removed, named):
    tiny = os.path.join(tiny_model_dir, "pipeline")
    base = sd15_folder(tiny, str(tmp_path / "sd15"), variants=("",))
    controlnet = controlnet_folder(tiny, str(tmp_path / "qr-monster"))
    os.remove(os.path.join(base, removed))
    done = build(str(tmp_path / "store"), "--source", "dir", "--base", base, "--controlnet", controlnet)
    assert done.returncode != 0
    assert named in done.stderr, done.stderr
    assert not os.path.exists(tmp_path / "store" / "qrart.mar")


def test_a_controlnet_folder_without_weights_names_the_file(tiny_model_dir, tmp_path):
    folder = controlnet_folder(os.path.join(tiny_model_dir, "pipeline"), str(tmp_path / "qr-monster"))
    os.remove(os.path.join(folder, "diffusion_pytorch_model.safetensors"))
    with pytest.raises(ValueError, match="diffusion_pytorch_model.safetensors"):
        pick_controlnet_variant(folder, "")


# What the two repositories list (abridged to the files that matter for the choice).
SD15_REPO = [
    "model_index.json", "v1-5-pruned.ckpt", "v1-5-pruned.safetensors", "v1-5-pruned-emaonly.safetensors",
    "scheduler/scheduler_config.json", "tokenizer/vocab.json", "tokenizer/merges.txt",
    "tokenizer/tokenizer_config.json", "tokenizer/special_tokens_map.json",
    "feature_extractor/preprocessor_config.json",
    "safety_checker/model.safetensors", "safety_checker/model.fp16.safetensors",
] + [f"{c}/{f}" for c, stem in (("unet", "diffusion_pytorch_model"), ("vae", "diffusion_pytorch_model"),
                                ("text_encoder", "model"))
     for f in ("config.json", f"{stem}.safetensors", f"{stem}.fp16.safetensors", f"{stem}.bin",
               f"{stem}.non_ema.safetensors", f"{stem}.fp16.bin")]
MONSTER_REPO = ["README.md", "control_v1p_sd15_qrcode_monster.safetensors", "config.json",
                "diffusion_pytorch_model.safetensors", "v2/config.json", "v2/diffusion_pytorch_model.safetensors",
                "v2/control_v1p_sd15_qrcode_monster_v2.safetensors"]


def test_online_only_one_weights_file_per_component_is_fetched():
    on_gpu = base_download(SD15_REPO, "fp16")
    weights = [f for f in on_gpu if f.endswith((".safetensors", ".bin", ".ckpt"))]
    assert weights == ["unet/diffusion_pytorch_model.fp16.safetensors", "vae/diffusion_pytorch_model.fp16.safetensors",
                       "text_encoder/model.fp16.safetensors"]
    on_cpu = [f for f in base_download(SD15_REPO, "") if f.endswith(".safetensors")]
    assert on_cpu == ["unet/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors",
                      "text_encoder/model.safetensors"]
    assert controlnet_download(MONSTER_REPO, "v2", "fp16") == [
        "v2/config.json", "v2/diffusion_pytorch_model.safetensors"]  # no fp16 file there: the fp32 one


def test_a_folder_mixing_variants_is_refused(tiny_model_dir, tmp_path):
    base = sd15_folder(os.path.join(tiny_model_dir, "pipeline"), str(tmp_path / "sd15"), variants=("fp16",))
    shutil.move(os.path.join(base, "vae", "diffusion_pytorch_model.fp16.safetensors"),
                os.path.join(base, "vae", "diffusion_pytorch_model.safetensors"))
    with pytest.raises(ValueError, match="mixes fp16 and fp32"):
        base_variant(base, "fp16")
