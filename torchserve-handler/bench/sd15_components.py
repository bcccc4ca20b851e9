"""Full-size SD 1.5 + QR ControlNet components from their public configurations,
with random weights (speed does not depend on weight values; nothing is downloaded).

The numbers are those of the published configs: runwayml / stable-diffusion-v1-5
(unet, vae, text_encoder = CLIP ViT-L/14 text tower) and the SD 1.5 ControlNets
(QR Code Monster v2 shares the standard SD 1.5 ControlNet architecture).
"""
from __future__ import annotations

import os
import tempfile

import torch

UNET = dict(
    sample_size=64, in_channels=4, out_channels=4, layers_per_block=2,
    block_out_channels=(320, 640, 1280, 1280),
    down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
    up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
    cross_attention_dim=768, attention_head_dim=8, norm_num_groups=32,
)
CONTROLNET = dict(
    in_channels=4, layers_per_block=2, block_out_channels=(320, 640, 1280, 1280),
    down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
    cross_attention_dim=768, attention_head_dim=8, norm_num_groups=32,
    conditioning_embedding_out_channels=(16, 32, 96, 256),
)
VAE = dict(
    in_channels=3, out_channels=3, latent_channels=4, layers_per_block=2, sample_size=512,
    block_out_channels=(128, 256, 512, 512), norm_num_groups=32,
    down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
    scaling_factor=0.18215,
)
TEXT = dict(
    vocab_size=49408, hidden_size=768, intermediate_size=3072, num_hidden_layers=12,
    num_attention_heads=12, max_position_embeddings=77, hidden_act="quick_gelu",
    projection_dim=768,
)
SCHEDULER = dict(
    beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear", num_train_timesteps=1000,
    set_alpha_to_one=False, skip_prk_steps=True, steps_offset=1,
)


def build_full_pipeline(device: str, dtype: torch.dtype, seed: int = 0):
    """The stock diffusers pipeline (PNDM scheduler, as SD 1.5 ships) with random weights."""
    from diffusers import (
        AutoencoderKL,
        ControlNetModel,
        PNDMScheduler,
        StableDiffusionControlNetImg2ImgPipeline,
        UNet2DConditionModel,
    )
    from qrart_handler.tiny import write_tokenizer
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    torch.manual_seed(seed)
    with torch.device(device):
        unet = UNet2DConditionModel(**UNET)
        controlnet = ControlNetModel(**CONTROLNET)
        vae = AutoencoderKL(**VAE)
        text_encoder = CLIPTextModel(CLIPTextConfig(**TEXT))
    with tempfile.TemporaryDirectory() as folder:
        write_tokenizer(folder)
        tokenizer = CLIPTokenizer(os.path.join(folder, "vocab.json"), os.path.join(folder, "merges.txt"),
                                  model_max_length=77)
    pipe = StableDiffusionControlNetImg2ImgPipeline(
        vae=vae, text_encoder=text_encoder, tokenizer=tokenizer, unet=unet, controlnet=controlnet,
        scheduler=PNDMScheduler(**SCHEDULER), safety_checker=None, feature_extractor=None,
        requires_safety_checker=False,
    )
    return pipe.to(device, dtype)
