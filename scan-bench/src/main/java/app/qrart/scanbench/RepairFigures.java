package app.qrart.scanbench;

import app.qrart.gateway.qr.verify.QrVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the scan benchmark collects per image and prints as medians and percentiles. */
final class RepairFigures {

    final List<Double> changed = new ArrayList<>();
    final List<Double> ssim = new ArrayList<>();
    final List<Double> robustness = new ArrayList<>();
    final List<Double> millis = new ArrayList<>();
    final List<Double> headroomBefore = new ArrayList<>();
    final List<Double> headroomAfter = new ArrayList<>();
    final Map<String, int[]> variantReads = new LinkedHashMap<>();
    int images;
    int readUnaided;
    int passed;

    /** Adds one image's camera-suite result: its robustness and its reads per variant. */
    void addRobustness(Map<String, Integer> reads) {
        reads.forEach((name, n) -> {
            int[] tally = variantReads.computeIfAbsent(name, k -> new int[2]);
            tally[0] += n;
            tally[1] += 2;
        });
        robustness.add(QrVerifier.robustness(reads));
    }

    void print(String what, int variants) {
        System.out.printf(
                Locale.ROOT,
                "  %s: read unaided by both decoders %d; after repair both read %d of %d (%.1f%%)%n",
                what,
                readUnaided,
                passed,
                images,
                100.0 * passed / images);
        System.out.printf(
                Locale.ROOT,
                "  pixels changed >10 levels: median %.1f%%, p95 %.1f%%%n",
                100 * percentile(changed, 50),
                100 * percentile(changed, 95));
        System.out.printf(
                Locale.ROOT,
                "  SSIM to the unrepaired image: median %.3f, p5 %.3f%n",
                percentile(ssim, 50),
                percentile(ssim, 5));
        System.out.printf(
                Locale.ROOT,
                "  robustness (%d camera variants x 2 decoders): mean %.3f, min %.3f%n",
                variants,
                mean(robustness),
                robustness.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        StringBuilder perVariant = new StringBuilder("  reads per camera variant:");
        variantReads.forEach(
                (name, t) -> perVariant.append(String.format(Locale.ROOT, " %s %.2f", name, (double) t[0] / t[1])));
        System.out.println(perVariant);
        System.out.printf(
                Locale.ROOT,
                "  EC headroom (1 - worst block errors / correctable): before median %.2f, "
                        + "after median %.2f, min %.2f%n",
                percentile(headroomBefore, 50),
                percentile(headroomAfter, 50),
                headroomAfter.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        System.out.printf(
                Locale.ROOT,
                "  verification + repair: median %.0f ms, p95 %.0f ms per image%n",
                percentile(millis, 50),
                percentile(millis, 95));
    }

    private static double mean(List<Double> values) {
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
