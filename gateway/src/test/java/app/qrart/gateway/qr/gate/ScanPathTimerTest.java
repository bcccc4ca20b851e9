package app.qrart.gateway.qr.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScanPathTimerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScanPathTimer timer = new ScanPathTimer(registry);

    @Test
    void aBusyPathIsTimedInWallAndCpuTimeUnderItsCode() {
        long result = timer.record("drawn", () -> busyForCpu(30));
        assertTrue(result % 2 != 0, "the path's own result comes back");
        Timer wall = registry.get(ScanPathTimer.DURATION).tag("code", "drawn").timer();
        Timer cpu = registry.get(ScanPathTimer.CPU).tag("code", "drawn").timer();
        assertEquals(1, wall.count());
        assertEquals(1, cpu.count());
        double wallMs = wall.totalTime(TimeUnit.MILLISECONDS);
        double cpuMs = cpu.totalTime(TimeUnit.MILLISECONDS);
        assertTrue(cpuMs >= 30 && cpuMs <= wallMs + 1, "cpu " + cpuMs + " against wall " + wallMs);
    }

    @Test
    void aWaitingPathCostsWallTimeButHardlyAnyCpu() {
        timer.record("located", () -> sleep(100));
        double wallMs = registry.get(ScanPathTimer.DURATION)
                .tag("code", "located")
                .timer()
                .totalTime(TimeUnit.MILLISECONDS);
        double cpuMs =
                registry.get(ScanPathTimer.CPU).tag("code", "located").timer().totalTime(TimeUnit.MILLISECONDS);
        assertTrue(wallMs >= 100, "wall " + wallMs);
        assertTrue(cpuMs < 50, "cpu " + cpuMs);
    }

    @Test
    void aFailingPathIsTimedToo() {
        assertThrows(
                IllegalStateException.class,
                () -> timer.record("drawn", () -> {
                    throw new IllegalStateException("broken");
                }));
        assertEquals(
                1,
                registry.get(ScanPathTimer.DURATION)
                        .tag("code", "drawn")
                        .timer()
                        .count());
        assertEquals(
                1, registry.get(ScanPathTimer.CPU).tag("code", "drawn").timer().count());
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
