package app.qrart.gateway.generation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/** The queue depth gauge, bound by Quarkus to every registry it exports. */
@Singleton
public class GenerationMetrics implements MeterBinder {

    private final GenerationService service;

    public GenerationMetrics(GenerationService service) {
        this.service = service;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("qrart.generations.in.flight", service, GenerationService::inFlight)
                .description("Generations accepted and not yet finished (queued or running)")
                .strongReference(true)
                .register(registry);
    }
}
