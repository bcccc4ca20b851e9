"""Build the QR Art model archive (qrart.mar) for TorchServe.

    python model-archiver/build_archive.py --source auto --model-store model-store

Sources:
  tiny  the offline demo model: a tiny random-weight SD + QR ControlNet pipeline and
        tokenizer built locally from configs (no network). Its images are textures.
  dir   real weights from local folders: --base (SD 1.5, diffusers layout) and
        --controlnet (a QR ControlNet such as QR Code Monster v2).
  hub   real weights from the Hugging Face hub, downloaded once into its cache
        (or found there already when offline).
  auto  real weights when they are present locally (dir flags, QRART_BASE_WEIGHTS /
        QRART_CONTROLNET_WEIGHTS, or the hub cache); otherwise tiny, said loudly.

Real weights are referenced by absolute path from the archive's model-config.yaml
rather than packed into it: TorchServe unpacks a .mar for every model load, and
several GB of weights per worker start buys nothing.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HANDLER_DIR = os.path.join(ROOT, "torchserve-handler")

MODEL_NAME = "qrart"
BASE_REPO = "stable-diffusion-v1-5/stable-diffusion-v1-5"
CONTROLNET_REPO = "monster-labs/control_v1p_sd15_qrcode_monster"
CONTROLNET_SUBFOLDER = "v2"
BASE_FILES = ["model_index.json", "*.json", "*.txt", "unet/*.safetensors", "vae/*.safetensors",
              "text_encoder/*.safetensors"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", choices=["auto", "tiny", "dir", "hub"], default="auto")
    parser.add_argument("--base", default=os.environ.get("QRART_BASE_WEIGHTS", ""),
                        help="SD 1.5 folder in diffusers layout")
    parser.add_argument("--controlnet", default=os.environ.get("QRART_CONTROLNET_WEIGHTS", ""),
                        help="QR ControlNet folder in diffusers layout")
    parser.add_argument("--model-store", default=os.path.join(ROOT, "model-store"))
    parser.add_argument("--config", default=os.path.join(HERE, "model-config.yaml"),
                        help="model-config.yaml template")
    parser.add_argument("--profile", default="", help="overlay profiles/NAME.yaml, e.g. gpu-h200")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="override a handler setting, e.g. --set device=cpu (YAML value)")
    return parser.parse_args(argv)


def hub_weights(offline: bool) -> tuple[str, str]:
    from huggingface_hub import snapshot_download

    base = snapshot_download(BASE_REPO, allow_patterns=BASE_FILES, local_files_only=offline)
    controlnet = snapshot_download(
        CONTROLNET_REPO, allow_patterns=[f"{CONTROLNET_SUBFOLDER}/*"], local_files_only=offline
    )
    return base, os.path.join(controlnet, CONTROLNET_SUBFOLDER)


def find_real_weights(args) -> tuple[str, str] | None:
    if args.base and args.controlnet:
        return os.path.abspath(args.base), os.path.abspath(args.controlnet)
    try:
        return hub_weights(offline=True)
    except Exception:  # not in the cache: huggingface_hub raises several kinds
        return None


def banner(lines: list[str]) -> None:
    width = max(len(line) for line in lines) + 4
    print("\n" + "!" * width, *[f"! {line.ljust(width - 4)} !" for line in lines], "!" * width + "\n", sep="\n")


def choose_weights(args, staging: str) -> dict:
    """Returns the handler keys that point at the weights."""
    if args.source == "tiny":
        real = None
    elif args.source == "dir":
        if not (args.base and args.controlnet):
            sys.exit("--source dir needs --base and --controlnet")
        real = (os.path.abspath(args.base), os.path.abspath(args.controlnet))
    elif args.source == "hub":
        real = hub_weights(offline=False)
    else:
        real = find_real_weights(args)
    if real:
        for path in real:
            if not os.path.isdir(path):
                sys.exit(f"weights folder not found: {path}")
        print(f"Using real weights: base={real[0]} controlnet={real[1]}")
        return {"pipeline_path": real[0], "controlnet_path": real[1]}
    from qrart_handler.tiny import build_tiny_pipeline

    build_tiny_pipeline(os.path.join(staging, "pipeline"))
    banner([
        "OFFLINE DEMO MODEL: no SD 1.5 / QR ControlNet weights were found.",
        "The archive holds a tiny random-weight pipeline: its images are abstract",
        "textures, not art. For real images run with --source hub (online) or",
        "--source dir --base SD15_DIR --controlnet QR_CONTROLNET_DIR.",
    ])
    return {"pipeline_path": "pipeline", "controlnet_path": ""}


def load_config(template: str, profile: str) -> dict:
    with open(template, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    if profile:
        with open(os.path.join(HERE, "profiles", f"{profile}.yaml"), encoding="utf-8") as f:
            overlay = yaml.safe_load(f)
        config["handler"].update(overlay.pop("handler", {}))
        config.update(overlay)
    return config


def write_config(config: dict, weights: dict, overrides: list[str], target: str) -> dict:
    config["handler"].update(weights)
    for item in overrides:
        key, _, value = item.partition("=")
        config["handler"][key] = yaml.safe_load(value)
    from qrart_handler.settings import HandlerSettings

    HandlerSettings.from_mapping(config["handler"])  # fail here, not at worker start
    with open(target, "w", encoding="utf-8") as f:
        yaml.safe_dump(config, f, sort_keys=False)
    return config


def archive(staging: str, config_path: str, model_store: str) -> str:
    shutil.copytree(os.path.join(HANDLER_DIR, "qrart_handler"), os.path.join(staging, "qrart_handler"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    os.makedirs(model_store, exist_ok=True)
    tool = os.path.join(os.path.dirname(sys.executable), "torch-model-archiver")
    subprocess.run(
        [tool, "--model-name", MODEL_NAME, "--version", "1.0",
         "--handler", os.path.join(HANDLER_DIR, "ts_handler.py"),
         "--extra-files", staging, "--config-file", config_path,
         "--export-path", model_store, "--force"],
        check=True,
    )
    return os.path.join(model_store, f"{MODEL_NAME}.mar")


def main(argv=None) -> str:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as staging, tempfile.TemporaryDirectory() as scratch:
        weights = choose_weights(args, staging)
        config_path = os.path.join(scratch, "model-config.yaml")
        write_config(load_config(args.config, args.profile), weights, args.set, config_path)
        path = archive(staging, config_path, args.model_store)
    print(f"Model archive written: {path}")
    return path


if __name__ == "__main__":
    main()
