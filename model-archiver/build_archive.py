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
from weights_layout import (
    WeightsLayoutError,
    base_download,
    base_variant,
    controlnet_download,
    controlnet_variant,
)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HANDLER_DIR = os.path.join(ROOT, "torchserve-handler")

MODEL_NAME = "qrart"
BASE_REPO = "stable-diffusion-v1-5/stable-diffusion-v1-5"
CONTROLNET_REPO = "monster-labs/control_v1p_sd15_qrcode_monster"
CONTROLNET_SUBFOLDER = "v2"


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


def hub_weights(offline: bool, variant: str) -> tuple[str, str]:
    """Snapshot folders from the hub cache; online, only the files the handler loads are fetched."""
    from huggingface_hub import list_repo_files, snapshot_download

    if offline:
        base = snapshot_download(BASE_REPO, local_files_only=True)
        controlnet = snapshot_download(CONTROLNET_REPO, local_files_only=True)
    else:
        base = snapshot_download(BASE_REPO, allow_patterns=base_download(list_repo_files(BASE_REPO), variant))
        controlnet = snapshot_download(CONTROLNET_REPO, allow_patterns=controlnet_download(
            list_repo_files(CONTROLNET_REPO), CONTROLNET_SUBFOLDER, variant))
    return base, os.path.join(controlnet, CONTROLNET_SUBFOLDER)


def find_real_weights(args, variant: str) -> tuple[str, str] | None:
    if args.base and args.controlnet:
        return os.path.abspath(args.base), os.path.abspath(args.controlnet)
    try:
        return hub_weights(offline=True, variant=variant)
    except Exception:  # not in the cache: huggingface_hub raises several kinds
        return None


def wanted_variant(handler: dict) -> str:
    """fp16 files where the handler will run in half precision on a GPU, fp32 ones otherwise."""
    import torch

    on_gpu = handler["device"] == "cuda" or (handler["device"] == "auto" and torch.cuda.is_available())
    return "fp16" if on_gpu and handler["dtype"] != "float32" else ""


def checked_weights(base: str, controlnet: str, wanted: str) -> dict:
    """The handler keys for real weights, after checking every file it will load is there."""
    for path in (base, controlnet):
        if not os.path.isdir(path):
            sys.exit(f"weights folder not found: {path}")
    try:
        variants = base_variant(base, wanted), controlnet_variant(controlnet, wanted)
    except WeightsLayoutError as err:
        sys.exit(str(err))
    print(f"Using real weights: base={base} controlnet={controlnet} variants={variants}")
    return {"pipeline_path": base, "controlnet_path": controlnet,
            "weights_variant": variants[0], "controlnet_variant": variants[1]}


def banner(lines: list[str]) -> None:
    width = max(len(line) for line in lines) + 4
    print("\n" + "!" * width, *[f"! {line.ljust(width - 4)} !" for line in lines], "!" * width + "\n", sep="\n")


def choose_weights(args, staging: str, wanted: str) -> dict:
    """Returns the handler keys that point at the weights."""
    if args.source == "tiny":
        real = None
    elif args.source == "dir":
        if not (args.base and args.controlnet):
            sys.exit("--source dir needs --base and --controlnet")
        real = (os.path.abspath(args.base), os.path.abspath(args.controlnet))
    elif args.source == "hub":
        real = hub_weights(offline=False, variant=wanted)
    else:
        real = find_real_weights(args, wanted)
    if real:
        return checked_weights(*real, wanted)
    from qrart_handler.tiny import build_tiny_pipeline

    build_tiny_pipeline(os.path.join(staging, "pipeline"))
    banner([
        "OFFLINE DEMO MODEL: no SD 1.5 / QR ControlNet weights were found.",
        "The archive holds a tiny random-weight pipeline: its images are abstract",
        "textures, not art. For real images run with --source hub (online) or",
        "--source dir --base SD15_DIR --controlnet QR_CONTROLNET_DIR.",
    ])
    return {"pipeline_path": "pipeline", "controlnet_path": "", "weights_variant": "", "controlnet_variant": ""}


def load_config(template: str, profile: str) -> dict:
    with open(template, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    if profile:
        with open(os.path.join(HERE, "profiles", f"{profile}.yaml"), encoding="utf-8") as f:
            overlay = yaml.safe_load(f)
        config["handler"].update(overlay.pop("handler", {}))
        config.update(overlay)
    return config


def with_overrides(config: dict, overrides: list[str]) -> dict:
    for item in overrides:
        key, _, value = item.partition("=")
        config["handler"][key] = yaml.safe_load(value)
    return config


def write_config(config: dict, weights: dict, target: str) -> dict:
    config["handler"].update(weights)
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
        config = with_overrides(load_config(args.config, args.profile), args.set)
        weights = choose_weights(args, staging, wanted_variant(config["handler"]))
        config_path = os.path.join(scratch, "model-config.yaml")
        write_config(config, weights, config_path)
        path = archive(staging, config_path, args.model_store)
    print(f"Model archive written: {path}")
    return path


if __name__ == "__main__":
    main()
