package app.qrart.engine.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScanPathTimerTest {

    private record Timing(String code, Duration wall, Duration cpu) {}

    private final List<Timing> timings = new ArrayList<>();
    private final ScanPathTimer timer = new ScanPathTimer(new ScanListener() {
        @Override
        public void timed(String code, Duration wall, Duration cpu) {
            timings.add(new Timing(code, wall, cpu));
        }
    });

    @Test
    void aBusyPathIsTimedInWallAndCpuTimeUnderItsCode() {
        long result = timer.record("drawn", () -> busyForCpu(30));
        assertTrue(result % 2 != 0, "the path's own result comes back");
        assertEquals(1, timings.size());
        Timing timing = timings.get(0);
        assertEquals("drawn", timing.code());
        assertNotNull(timing.cpu(), "this JVM measures thread CPU time");
        double wallMs = timing.wall().toNanos() / 1e6;
        double cpuMs = timing.cpu().toNanos() / 1e6;
        assertTrue(cpuMs >= 30 && cpuMs <= wallMs + 1, "cpu " + cpuMs + " against wall " + wallMs);
    }

    @Test
    void aWaitingPathCostsWallTimeButHardlyAnyCpu() {
        timer.record("located", () -> sleep(100));
        Timing timing = timings.get(0);
        assertEquals("located", timing.code());
        assertTrue(timing.wall().toMillis() >= 100, "wall " + timing.wall());
        assertTrue(timing.cpu().toMillis() < 50, "cpu " + timing.cpu());
    }

    @Test
    void aFailingPathIsTimedToo() {
        assertThrows(
                IllegalStateException.class,
                () -> timer.record("drawn", () -> {
                    throw new IllegalStateException("broken");
                }));
        assertEquals(1, timings.size());
        assertEquals("drawn", timings.get(0).code());
    }

    /** Spins until this thread has used this many milliseconds of CPU; returns a value the JIT cannot drop. */
    private static long busyForCpu(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long x = 1;
        while (threads.getCurrentThreadCpuTime() < end) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x | 1;
    }

    private static Void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
