package app.qrart.gateway.qr.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScanPathRunnerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aBusyPathIsTimedInWallAndCpuTimeUnderItsCode() {
        long result = new ScanPathRunner(registry, 1).run("drawn", () -> busyForCpu(30));
        assertTrue(result % 2 != 0, "the path's own result comes back");
        Timer wall = timer(ScanPathRunner.DURATION, "drawn");
        Timer cpu = timer(ScanPathRunner.CPU, "drawn");
        assertEquals(1, wall.count());
        assertEquals(1, cpu.count());
        assertEquals(1, timer(ScanPathRunner.WAIT, "drawn").count());
        double wallMs = wall.totalTime(TimeUnit.MILLISECONDS);
        double cpuMs = cpu.totalTime(TimeUnit.MILLISECONDS);
        assertTrue(cpuMs >= 30 && cpuMs <= wallMs + 1, "cpu " + cpuMs + " against wall " + wallMs);
    }

    @Test
    void aWaitingPathCostsWallTimeButHardlyAnyCpu() {
        new ScanPathRunner(registry, 1).run("located", () -> sleep(100));
        double wallMs = timer(ScanPathRunner.DURATION, "located").totalTime(TimeUnit.MILLISECONDS);
        double cpuMs = timer(ScanPathRunner.CPU, "located").totalTime(TimeUnit.MILLISECONDS);
        assertTrue(wallMs >= 100, "wall " + wallMs);
        assertTrue(cpuMs < 50, "cpu " + cpuMs);
    }

    @Test
    void aFailingPathIsTimedAndGivesUpItsTurn() {
        ScanPathRunner runner = new ScanPathRunner(registry, 1);
        assertThrows(
                IllegalStateException.class,
                () -> runner.run("drawn", () -> {
                    throw new IllegalStateException("broken");
                }));
        assertEquals(1, timer(ScanPathRunner.DURATION, "drawn").count());
        assertEquals(1, timer(ScanPathRunner.CPU, "drawn").count());
        assertEquals("next", runner.run("drawn", () -> "next"));
    }

    @Test
    void noMorePathsRunAtOnceThanAllowedAndTheOthersWaitTheirTurn() throws Exception {
        int peak = peakAtOnce(new ScanPathRunner(registry, 2), 6);
        assertEquals(2, peak);
        Timer waits = timer(ScanPathRunner.WAIT, "drawn");
        assertEquals(6, waits.count());
        assertTrue(waits.max(TimeUnit.MILLISECONDS) >= 25, "a path waited for at least one turn of 30 ms");
    }

    @Test
    void byDefaultOnePathRunsPerAvailableProcessor() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, peakAtOnce(new ScanPathRunner(registry, 0), cores + 2));
    }

    /** The most of {@code paths} paths, started together, that ran at once (each holds its turn 30 ms). */
    private static int peakAtOnce(ScanPathRunner runner, int paths) throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(paths);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < paths; i++) {
                done.add(CompletableFuture.runAsync(
                        () -> {
                            awaitQuietly(start);
                            runner.run("drawn", () -> {
                                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                                sleep(30);
                                running.decrementAndGet();
                                return null;
                            });
                        },
                        threads));
            }
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        return peak.get();
    }

    private Timer timer(String name, String code) {
        return registry.get(name).tag("code", code).timer();
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

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
