package app.qrart.gateway.qr.gate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the scan path (gate, suite runs, repair): at most a set number at once, the others waiting
 * their turn in order of arrival. The path is CPU-bound on its one thread, so more paths than
 * cores only share them, finishing all later and holding their frames longer; in turn, each
 * finishes as soon as its cores allow. Each call is timed, tagged by {@code code}: the wait for its
 * turn ({@link #WAIT}), its wall time once running ({@link #DURATION}) and the CPU time of its
 * thread ({@link #CPU}: what a core spends on it; garbage collection and JIT compilation run on
 * threads of their own and are not in it).
 */
final class ScanPathRunner {

    /** Time a scan path waits for its turn. */
    static final String WAIT = "qrart.scan.wait";

    /** Wall time of the scan path per call, from its turn on. */
    static final String DURATION = "qrart.scan.duration";

    /** CPU time of the scan path's thread per call. */
    static final String CPU = "qrart.scan.cpu";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final MeterRegistry registry;
    private final Semaphore turns;

    /** A runner of at most {@code atOnce} paths at once (0 or less: one per available processor). */
    ScanPathRunner(MeterRegistry registry, int atOnce) {
        this.registry = registry;
        this.turns = new Semaphore(atOnce > 0 ? atOnce : Runtime.getRuntime().availableProcessors(), true);
    }

    /** The path's result, run in its turn, its wait, wall and CPU time recorded under this {@code code} tag. */
    <T> T run(String code, Supplier<T> path) {
        Timer.Sample waiting = Timer.start(registry);
        turns.acquireUninterruptibly();
        try {
            waiting.stop(registry.timer(WAIT, "code", code));
            return timed(code, path);
        } finally {
            turns.release();
        }
    }

    private <T> T timed(String code, Supplier<T> path) {
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
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
