"""The offline demo model: a tiny random-weight SD + QR ControlNet pipeline.

Built from configs with a fixed seed and a byte-level CLIP tokenizer written
locally, so nothing is downloaded. Its images are abstract textures: it exists
to exercise the real code paths (batching, TorchServe, the gateway) offline.
The architecture keeps SD 1.5's shape where it matters to callers: 4 latent
channels and a VAE/ControlNet downscale of 8, so 512x512 in gives 512x512 out.
"""
from __future__ import annotations

import json
import os

import torch

TINY_SEED = 20240917
MAX_TOKENS = 77
SPECIAL_TOKENS = ("<|startoftext|>", "<|endoftext|>")


def _byte_alphabet() -> list[str]:
    """GPT-2/CLIP's printable stand-in for each of the 256 byte values."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    chars, extra = [], 0
    for b in range(256):
        if b in printable:
            chars.append(chr(b))
        else:
            chars.append(chr(256 + extra))
            extra += 1
    return chars


def write_tokenizer(folder: str) -> int:
    """A CLIP BPE tokenizer with no merges: every word splits into byte tokens."""
    os.makedirs(folder, exist_ok=True)
    alphabet = _byte_alphabet()
    tokens = alphabet + [ch + "</w>" for ch in alphabet] + list(SPECIAL_TOKENS)
    vocab = {tok: i for i, tok in enumerate(tokens)}
    with open(os.path.join(folder, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False)
    with open(os.path.join(folder, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n")
    return len(vocab)


def _wake_zero_convolutions(controlnet) -> None:
    """A fresh ControlNet's output convolutions start at zero, so it would ignore the
    QR image entirely; random small weights make the control image matter."""
    outputs = list(controlnet.controlnet_down_blocks) + [controlnet.controlnet_mid_block]
    with torch.no_grad():
        for conv in outputs:
            torch.nn.init.normal_(conv.weight, std=0.2)


def build_tiny_pipeline(folder: str):
    """Build the tiny pipeline and save it (diffusers layout) into `folder`."""
    from diffusers import (
        AutoencoderKL,
        ControlNetModel,
        StableDiffusionControlNetImg2ImgPipeline,
        UNet2DConditionModel,
        UniPCMultistepScheduler,
    )
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    torch.manual_seed(TINY_SEED)
    blocks = dict(
        block_out_channels=(8, 16), layers_per_block=1, in_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        cross_attention_dim=32, attention_head_dim=4, norm_num_groups=4,
    )
    unet = UNet2DConditionModel(
        **blocks, sample_size=64, out_channels=4, up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
    )
    controlnet = ControlNetModel(**blocks, conditioning_embedding_out_channels=(4, 8, 8, 16))
    _wake_zero_convolutions(controlnet)
    vae = AutoencoderKL(
        block_out_channels=(4, 8, 8, 8), in_channels=3, out_channels=3, latent_channels=4,
        down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
        layers_per_block=1, norm_num_groups=4, sample_size=512,
    )
    tokenizer_dir = os.path.join(folder, "_tokenizer_src")
    vocab_size = write_tokenizer(tokenizer_dir)
    tokenizer = CLIPTokenizer(
        os.path.join(tokenizer_dir, "vocab.json"), os.path.join(tokenizer_dir, "merges.txt"),
        model_max_length=MAX_TOKENS,
    )
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            vocab_size=vocab_size, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
            num_attention_heads=4, max_position_embeddings=MAX_TOKENS,
            bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
        )
    )
    scheduler = UniPCMultistepScheduler(
        beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear", num_train_timesteps=1000,
    )
    pipe = StableDiffusionControlNetImg2ImgPipeline(
        vae=vae, text_encoder=text_encoder, tokenizer=tokenizer, unet=unet, controlnet=controlnet,
        scheduler=scheduler, safety_checker=None, feature_extractor=None, requires_safety_checker=False,
    )
    pipe.save_pretrained(folder, safe_serialization=True)
    for name in ("vocab.json", "merges.txt"):
        os.remove(os.path.join(tokenizer_dir, name))
    os.rmdir(tokenizer_dir)
    return pipe
