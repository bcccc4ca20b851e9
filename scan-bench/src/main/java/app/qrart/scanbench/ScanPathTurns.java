package app.qrart.scanbench;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.qr.analysis.ScanAnalyzer;
import app.qrart.gateway.qr.encode.QrEncoder;
import app.qrart.gateway.qr.gate.RobustnessMeter;
import app.qrart.gateway.qr.gate.ScanGate;
import app.qrart.gateway.qr.gate.ScanStrength;
import app.qrart.gateway.qr.repair.QrRepairer;
import app.qrart.gateway.qr.verify.QrVerifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many scan paths at once (a benchmark command, not a test): every image of the folders of
 * delivered generations given is judged and repaired by the gate at the balanced strength, all
 * submitted together on BENCH_AT_ONCE threads (default 16, as many generations as a gateway runs
 * at once), and each path's time from submission to its end is printed (mean, median, last). The
 * gate runs as many at once as QRART_SCAN_MAX_CONCURRENT allows (0: one per processor). The
 * images are first judged once, one at a time, to warm the JIT.
 */
public final class ScanPathTurns {

    private ScanPathTurns() {}

    public static void main(String[] args) throws Exception {
        QrVerifier verifier = new QrVerifier();
        QrConfig qr = BenchConfig.of(QrConfig.class);
        ScanConfig scan = BenchConfig.of(ScanConfig.class);
        QrEncoder encoder = new QrEncoder(qr, verifier);
        ScanGate gate = new ScanGate(
                encoder,
                verifier,
                new QrRepairer(encoder, verifier, qr, scan),
                new ScanAnalyzer(encoder, qr),
                new RobustnessMeter(encoder, verifier, qr, scan),
                scan,
                new SimpleMeterRegistry());
        List<DrawnCode> drawn = DrawnCode.read(encoder, args);
        drawn.forEach(d -> judge(gate, d));
        int threads = Integer.parseInt(System.getenv().getOrDefault("BENCH_AT_ONCE", "16"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Double>> ends = new ArrayList<>();
        for (DrawnCode d : drawn) {
            ends.add(pool.submit(() -> {
                judge(gate, d);
                return ScanBenchmark.millisSince(start) / 1000;
            }));
        }
        List<Double> seconds = new ArrayList<>();
        for (Future<Double> end : ends) {
            seconds.add(end.get());
        }
        pool.shutdown();
        System.out.printf(
                Locale.ROOT,
                "%d scan paths submitted at once on %d threads, %s at a time: done after mean %.1f s, median %.1f s,"
                        + " last %.1f s%n",
                drawn.size(),
                threads,
                scan.maxConcurrent() > 0 ? String.valueOf(scan.maxConcurrent()) : "one per processor",
                seconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                RepairFigures.percentile(seconds, 50),
                RepairFigures.percentile(seconds, 100));
    }

    private static void judge(ScanGate gate, DrawnCode d) {
        gate.deliver(List.of(d.image()), d.symbol(), 1, ScanStrength.BALANCED);
    }
}
