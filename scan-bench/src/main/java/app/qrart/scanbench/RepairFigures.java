package app.qrart.scanbench;

import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.verify.QrDecoder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the scan benchmark collects per delivered image and prints as means, medians and percentiles. */
final class RepairFigures {

    final List<Double> changed = new ArrayList<>();
    final List<Double> ssim = new ArrayList<>();
    final List<Double> relative = new ArrayList<>();
    final List<Double> millis = new ArrayList<>();
    final List<Double> headroomBefore = new ArrayList<>();
    final List<Double> headroomAfter = new ArrayList<>();
    final Map<QrDecoder, Integer> fullSize = new EnumMap<>(QrDecoder.class);
    /** Each image's scan path CPU by part. */
    final List<PathCosts.Tally> costs = new ArrayList<>();

    private final SuiteTally delivered = new SuiteTally();
    private final SuiteTally plain = new SuiteTally();
    /** Whether the images were repaired towards a target here (else judged as they are: no footprint, no target). */
    private final boolean repaired;

    int images;
    int readUnaided;
    int passed;
    int targetMet;

    RepairFigures(boolean repaired) {
        this.repaired = repaired;
    }

    /** Reads per camera variant and reader, summed over images. */
    private static final class SuiteTally {
        final Map<String, Map<QrDecoder, Integer>> reads = new LinkedHashMap<>();
        int images;

        void add(Map<String, Set<QrDecoder>> readers) {
            images++;
            readers.forEach((variant, reading) -> {
                Map<QrDecoder, Integer> byDecoder = reads.computeIfAbsent(variant, v -> new EnumMap<>(QrDecoder.class));
                for (QrDecoder decoder : QrDecoder.values()) {
                    byDecoder.merge(decoder, reading.contains(decoder) ? 1 : 0, Integer::sum);
                }
            });
        }

        double share(QrDecoder decoder) {
            return reads.values().stream().mapToInt(m -> m.get(decoder)).sum()
                    / (double) Math.max(1, images * reads.size());
        }

        double overall() {
            double sum = 0;
            for (QrDecoder decoder : QrDecoder.values()) {
                sum += share(decoder);
            }
            return sum / QrDecoder.values().length;
        }

        void print(String label) {
            System.out.printf(Locale.ROOT, "  %s: all readers %.3f;", label, overall());
            for (QrDecoder decoder : QrDecoder.values()) {
                System.out.printf(Locale.ROOT, " %s %.3f", name(decoder), share(decoder));
            }
            System.out.println();
            StringBuilder line = new StringBuilder("    per condition (" + names() + "):");
            reads.forEach((variant, byDecoder) -> {
                line.append(' ').append(variant);
                for (QrDecoder decoder : QrDecoder.values()) {
                    line.append(String.format(Locale.ROOT, " %.2f", byDecoder.get(decoder) / (double) images));
                }
                line.append(';');
            });
            System.out.println(line);
        }
    }

    /** One delivered image: its suite reads, the plain code's suite reads, the full-size readers. */
    void addDelivered(Map<String, Set<QrDecoder>> reads, Map<String, Set<QrDecoder>> plainReads, Set<QrDecoder> full) {
        passed += full.size() == QrDecoder.values().length ? 1 : 0;
        delivered.add(reads);
        plain.add(plainReads);
        for (QrDecoder decoder : QrDecoder.values()) {
            fullSize.merge(decoder, full.contains(decoder) ? 1 : 0, Integer::sum);
        }
    }

    void print(String what) {
        System.out.printf(
                Locale.ROOT,
                "  %s: read unaided by every reader %d; every reader reads %d of %d (%.1f%%)%n",
                what,
                readUnaided,
                passed,
                images,
                100.0 * passed / images);
        StringBuilder full = new StringBuilder("  full size, read by:");
        fullSize.forEach(
                (decoder, n) -> full.append(String.format(Locale.ROOT, " %s %d/%d", name(decoder), n, images)));
        System.out.println(full);
        System.out.printf(
                Locale.ROOT,
                "  robustness relative to a plain code: mean %.3f, p10 %.3f%s%n",
                mean(relative),
                percentile(relative, 10),
                repaired ? String.format(Locale.ROOT, "; target met %d of %d", targetMet, passed) : "");
        if (repaired) {
            System.out.printf(
                    Locale.ROOT,
                    "  pixels changed >10 levels: median %.1f%%, p95 %.1f%%; SSIM to the picture: median %.3f, p5 %.3f%n",
                    100 * percentile(changed, 50),
                    100 * percentile(changed, 95),
                    percentile(ssim, 50),
                    percentile(ssim, 5));
        }
        delivered.print("camera suite, delivered images");
        plain.print("camera suite, plain black-on-white codes of the same symbols (the reference)");
        if (repaired) {
            System.out.printf(
                    Locale.ROOT,
                    "  EC headroom (1 - worst block errors / correctable): before median %.2f, after median %.2f%n",
                    percentile(headroomBefore, 50),
                    percentile(headroomAfter, 50));
        }
        System.out.printf(
                Locale.ROOT,
                "  %s: median %.0f ms, p95 %.0f ms per image%n",
                repaired ? "gate + suite + repair" : "gate + suite",
                percentile(millis, 50),
                percentile(millis, 95));
        if (!costs.isEmpty()) {
            printCosts(costs);
        }
    }

    /** The scan path's CPU per image by part: mean milliseconds and runs, and the median of their sum. */
    static void printCosts(List<PathCosts.Tally> costs) {
        StringBuilder line = new StringBuilder("  scan path CPU per image by part, mean ms (runs):");
        List<Double> sums = new ArrayList<>();
        costs.forEach(tally -> sums.add(0.0));
        for (PathCosts.Part part : PathCosts.Part.values()) {
            double nanos = 0;
            double runs = 0;
            for (int i = 0; i < costs.size(); i++) {
                nanos += costs.get(i).nanos(part);
                runs += costs.get(i).count(part);
                sums.set(i, sums.get(i) + costs.get(i).nanos(part) / 1e6);
            }
            line.append(String.format(
                    Locale.ROOT,
                    " %s %.0f (%.1f)",
                    part.name().toLowerCase(Locale.ROOT),
                    nanos / 1e6 / costs.size(),
                    runs / costs.size()));
        }
        long agreed = costs.stream().mapToLong(PathCosts.Tally::agreed).sum();
        long contradicted =
                costs.stream().mapToLong(PathCosts.Tally::contradicted).sum();
        line.append(String.format(
                Locale.ROOT,
                "; together median %.0f ms, p95 %.0f ms; confirmations that contradicted the model %d of %d",
                percentile(sums, 50),
                percentile(sums, 95),
                contradicted,
                agreed + contradicted));
        System.out.println(line);
    }

    private static String names() {
        StringBuilder out = new StringBuilder();
        for (QrDecoder decoder : QrDecoder.values()) {
            out.append(out.isEmpty() ? "" : "/").append(name(decoder));
        }
        return out.toString();
    }

    static String name(QrDecoder decoder) {
        return decoder.name().toLowerCase(Locale.ROOT);
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q / 100 * (sorted.length - 1))));
        return sorted[index];
    }
}
