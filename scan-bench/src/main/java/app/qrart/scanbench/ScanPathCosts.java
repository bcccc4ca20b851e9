package app.qrart.scanbench;

import app.qrart.engine.QrEngine;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.gate.RobustnessMeter;
import app.qrart.engine.gate.ScanPolicy;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.repair.RepairGoal;
import app.qrart.engine.verify.CameraSimulator;
import app.qrart.engine.verify.QrDecoder;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the scan path of a drawn code costs and where it goes (a benchmark command, not a test):
 * for each image of the folders of delivered generations given (PNGs + payloads.csv, as
 * {@code make bench-generations} writes them), the gate, one suite run and the plain reference
 * of its symbol, each timed on its own, and a prediction by the model of the readers (with how
 * often its verdict on the balanced target agrees with the real readers'); then each reader's milliseconds per camera frame (the
 * frame as the camera delivers it, passes and failures apart) and the frames' making per image.
 * Every image is timed BENCH_ROUNDS times (default 3) and the last round printed, the earlier ones
 * warming the JIT. For one core: {@code taskset -c 0 java ... ScanPathCosts DIR...}.
 */
public final class ScanPathCosts {

    private final QrEngine engine = QrEngine.withDefaults();
    private final QrVerifier verifier = engine.verifier();
    private final QrEncoder encoder = engine.encoder();

    /** Milliseconds and counts of one round. */
    private static final class Round {
        final List<Double> gate = new ArrayList<>();
        final List<Double> suite = new ArrayList<>();
        final List<Double> reference = new ArrayList<>();
        final List<Double> prediction = new ArrayList<>();
        int agreed;
        final List<Double> path = new ArrayList<>();
        final List<Double> frames = new ArrayList<>();
        final Map<QrDecoder, double[]> passes = new EnumMap<>(QrDecoder.class);
        final Map<QrDecoder, double[]> failures = new EnumMap<>(QrDecoder.class);
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "3"));
        ScanPathCosts costs = new ScanPathCosts();
        List<DrawnCode> drawn = DrawnCode.read(costs.encoder, args);
        Round last = null;
        for (int i = 0; i < rounds; i++) {
            last = costs.round(drawn);
        }
        print(String.join(" ", args), drawn.size(), last);
    }

    private Round round(List<DrawnCode> drawn) {
        Round round = new Round();
        for (DrawnCode d : drawn) {
            long start = System.nanoTime();
            verifier.readsExactly(d.image(), d.payload());
            round.gate.add(ScanBenchmark.millisSince(start));
            start = System.nanoTime();
            verifier.robustness(d.image(), d.payload(), d.modulePixels());
            round.suite.add(ScanBenchmark.millisSince(start));
            RobustnessMeter fresh = new RobustnessMeter(encoder, verifier, ScanPolicy.DEFAULTS);
            start = System.nanoTime();
            fresh.plain(d.symbol(), d.modulePixels());
            round.reference.add(ScanBenchmark.millisSince(start));
            RepairGoal goal = fresh.goal(d.symbol(), d.modulePixels(), ScanStrength.BALANCED);
            start = System.nanoTime();
            double predicted = goal.prediction().of(d.image(), Double.NEGATIVE_INFINITY);
            round.prediction.add(ScanBenchmark.millisSince(start));
            double real = goal.robustness().of(d.image(), Double.NEGATIVE_INFINITY);
            round.agreed += goal.met(predicted) == goal.met(real) ? 1 : 0;
            int last = round.gate.size() - 1;
            round.path.add(round.gate.get(last) + round.suite.get(last) + round.reference.get(last));
            readings(d, round);
        }
        return round;
    }

    /** Each reader on each camera frame of the image, as the camera delivers it. */
    private static void readings(DrawnCode d, Round round) {
        long start = System.nanoTime();
        Map<String, BufferedImage> frames = CameraSimulator.variants(d.image(), d.modulePixels());
        round.frames.add(ScanBenchmark.millisSince(start));
        for (BufferedImage frame : frames.values()) {
            for (QrDecoder decoder : QrDecoder.values()) {
                start = System.nanoTime();
                boolean reads = decoder.reads(frame, d.payload());
                double millis = ScanBenchmark.millisSince(start);
                double[] tally = (reads ? round.passes : round.failures).computeIfAbsent(decoder, k -> new double[2]);
                tally[0]++;
                tally[1] += millis;
            }
        }
    }

    private static void print(String dirs, int images, Round round) {
        System.out.printf(
                Locale.ROOT,
                "scan path of %d drawn codes in %s, medians: gate %.0f ms, one suite run %.0f ms, plain reference"
                        + " of a new symbol %.0f ms, together %.0f ms (p95 %.0f ms)%n",
                images,
                dirs,
                median(round.gate),
                median(round.suite),
                median(round.reference),
                median(round.path),
                RepairFigures.percentile(round.path, 95));
        System.out.printf(
                Locale.ROOT,
                "  the model of the readers (a prediction, plain reference known): median %.0f ms; its verdict on"
                        + " the balanced target agreed with the real readers' on %d of %d%n",
                median(round.prediction),
                round.agreed,
                images);
        System.out.printf(
                Locale.ROOT,
                "  making the %d camera frames: median %.0f ms per image%n",
                CameraSimulator.VARIANTS,
                median(round.frames));
        for (QrDecoder decoder : QrDecoder.values()) {
            double[] pass = round.passes.getOrDefault(decoder, new double[2]);
            double[] fail = round.failures.getOrDefault(decoder, new double[2]);
            System.out.printf(
                    Locale.ROOT,
                    "  %s per frame: %.1f ms reading (%d), %.1f ms failing (%d); %.0f ms per image%n",
                    RepairFigures.name(decoder),
                    pass[1] / Math.max(1, pass[0]),
                    (int) pass[0],
                    fail[1] / Math.max(1, fail[0]),
                    (int) fail[0],
                    (pass[1] + fail[1]) / images);
        }
    }

    private static double median(List<Double> values) {
        return RepairFigures.percentile(values, 50);
    }
}
