"""TorchServe entry point for QR Art. Deliberately thin: TorchServe is in limited
maintenance upstream, so everything but the `ts` glue lives in qrart_handler."""
from __future__ import annotations

import logging

from qrart_handler.loading import free_accelerator_memory, load_components
from qrart_handler.pipeline import BatchedImg2Img, PassOptions
from qrart_handler.service import GenerationService, warm_up
from qrart_handler.settings import HandlerSettings
from ts.metrics.metric_type_enum import MetricTypes

log = logging.getLogger(__name__)


class QrArtHandler:
    def __init__(self):
        self.service: GenerationService | None = None

    def initialize(self, context) -> None:
        properties = context.system_properties
        config = getattr(context, "model_yaml_config", None) or {}
        settings = HandlerSettings.from_mapping(config.get("handler"))
        components = load_components(settings, properties.get("model_dir"), properties.get("gpu_id"))
        runner = BatchedImg2Img(components, PassOptions(
            cfg_cutoff=settings.cfg_cutoff, control_reuse_from=settings.control_reuse_from,
        ))
        self.service = GenerationService(settings, runner.run, free_accelerator_memory)
        if settings.warmup:
            warm_up(self.service)
        log.info("QR Art handler ready (batch size %s)", properties.get("batch_size"))

    def handle(self, data, context):
        bodies = [row.get("body", row.get("data")) if isinstance(row, dict) else row for row in data]
        replies = self.service.handle_batch(bodies)
        for index, reply in enumerate(replies):
            context.set_response_status(reply.status, "OK" if reply.status == 200 else "Error", index)
            context.set_response_content_type(index, reply.content_type)
        self._report(context)
        return [reply.body for reply in replies]

    def _report(self, context) -> None:
        metrics = getattr(context, "metrics", None)
        if metrics is None:
            return
        stats = self.service.last_stats
        metrics.add_metric("QrArtBatchSize", stats.size, "count", None, [], MetricTypes.GAUGE)
        metrics.add_counter("QrArtPasses", len(stats.passes))
        metrics.add_counter("QrArtRejectedItems", stats.size - stats.valid)
