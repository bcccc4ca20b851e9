package app.qrart.gateway.qr.gate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times each call of the scan path (gate, suite runs, repair) twice, tagged by {@code code}: its
 * wall time ({@link #DURATION}) and the CPU time of the one thread that runs it ({@link #CPU}).
 * The CPU time is what a gateway core spends on the path however many paths share the cores;
 * garbage collection and JIT compilation run on threads of their own and are not in it.
 */
final class ScanPathTimer {

    /** Wall time of the scan path per call. */
    static final String DURATION = "qrart.scan.duration";

    /** CPU time of the scan path's thread per call. */
    static final String CPU = "qrart.scan.cpu";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURES_CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private final MeterRegistry registry;

    ScanPathTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The path's result, its wall and CPU time recorded under this {@code code} tag. */
    <T> T record(String code, Supplier<T> path) {
        Timer.Sample wall = Timer.start(registry);
        long cpuStart = threadCpuNanos();
        try {
            return path.get();
        } finally {
            long cpuEnd = threadCpuNanos();
            wall.stop(registry.timer(DURATION, "code", code));
            if (cpuStart >= 0) {
                registry.timer(CPU, "code", code).record(cpuEnd - cpuStart, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** This thread's CPU time so far, or -1 where the JVM does not measure it. */
    private static long threadCpuNanos() {
        return MEASURES_CPU ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
