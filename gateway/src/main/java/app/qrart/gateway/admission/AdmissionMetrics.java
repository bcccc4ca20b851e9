package app.qrart.gateway.admission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/** The queue depth gauge, bound by Quarkus to every registry it exports. */
@Singleton
public class AdmissionMetrics implements MeterBinder {

    private final Admission admission;

    public AdmissionMetrics(Admission admission) {
        this.admission = admission;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("qrart.generations.in.flight", admission, Admission::inFlight)
                .description("Generations accepted and not yet finished (queued or running)")
                .strongReference(true)
                .register(registry);
    }
}
