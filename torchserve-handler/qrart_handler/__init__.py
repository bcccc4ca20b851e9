"""QR Art model-server core: request validation, batch grouping and the batched
SD 1.5 + QR ControlNet img2img pass. Importable without TorchServe (`ts`)."""
