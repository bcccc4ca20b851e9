package app.qrart.gateway.engine;

import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.gate.ScanListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;

/** What the scan gate does, as the gateway's metrics: checks, repairs, targets met and the scan path's times. */
final class MeteredScanListener implements ScanListener {

    /** Wall time of the scan path per call, tagged by {@code code} (drawn or located). */
    static final String DURATION = "qrart.scan.duration";

    /** CPU time of the scan path's thread per call, tagged by {@code code}. */
    static final String CPU = "qrart.scan.cpu";

    /** CPU seconds of the scan path by part ({@link PathCosts.Part}), tagged by {@code code} and {@code part}. */
    static final String PART_CPU = "qrart.scan.part.cpu.seconds";

    /** The real readers' confirmations, tagged by {@code code} and whether they {@code agreed} with the model. */
    static final String CONFIRMATIONS = "qrart.scan.confirmations";

    private final MeterRegistry registry;

    MeteredScanListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void checked(boolean anyRead) {
        registry.counter("qrart.scan.checks", "result", anyRead ? "pass" : "fail")
                .increment();
    }

    @Override
    public void repaired(boolean anyReads) {
        registry.counter("qrart.scan.repairs", "result", anyReads ? "pass" : "fail")
                .increment();
    }

    @Override
    public void delivered(boolean targetMet) {
        registry.counter("qrart.scan.robustness-target", "met", String.valueOf(targetMet))
                .increment();
    }

    @Override
    public void timed(String code, Duration wall, Duration cpu) {
        registry.timer(DURATION, "code", code).record(wall);
        if (cpu != null) {
            registry.timer(CPU, "code", code).record(cpu);
        }
    }

    @Override
    public void costs(String code, PathCosts.Tally parts) {
        for (PathCosts.Part part : PathCosts.Part.values()) {
            registry.counter(PART_CPU, "code", code, "part", part.name().toLowerCase(Locale.ROOT))
                    .increment(parts.nanos(part) / 1e9);
        }
        registry.counter(CONFIRMATIONS, "code", code, "agreed", "true").increment(parts.agreed());
        registry.counter(CONFIRMATIONS, "code", code, "agreed", "false").increment(parts.contradicted());
    }
}
