package app.qrart.engine.gate;

import app.qrart.engine.costs.PathCosts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Times each call of the scan path (gate, suite runs, repair) twice, by kind of code: its wall
 * time and the CPU time of the one thread that runs it, told to a {@link ScanListener} with
 * where that CPU went ({@link PathCosts}). The CPU
 * time is what a core spends on the path however many paths share the cores; garbage collection
 * and JIT compilation run on threads of their own and are not in it.
 */
final class ScanPathTimer {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURES_CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private final ScanListener listener;

    ScanPathTimer(ScanListener listener) {
        this.listener = listener;
    }

    /** The path's result, its wall and CPU time told to the listener under this kind of code. */
    <T> T record(String code, Supplier<T> path) {
        long wallStart = System.nanoTime();
        long cpuStart = threadCpuNanos();
        PathCosts.Tally partsBefore = PathCosts.snapshot();
        try {
            return path.get();
        } finally {
            long cpuEnd = threadCpuNanos();
            Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
            listener.timed(code, wall, cpuStart >= 0 ? Duration.ofNanos(cpuEnd - cpuStart) : null);
            listener.costs(code, PathCosts.snapshot().since(partsBefore));
        }
    }

    /** This thread's CPU time so far, or -1 where the JVM does not measure it. */
    private static long threadCpuNanos() {
        return MEASURES_CPU ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
