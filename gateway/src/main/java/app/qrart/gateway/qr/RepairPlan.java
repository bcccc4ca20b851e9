package app.qrart.gateway.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which modules of a picture disagree with the symbol it must read as: a module is wrong, or
 * ambiguous within a margin of the dark/light threshold. Function-pattern modules are always
 * fixed; for data, each Reed-Solomon block fixes its cheapest wrong codewords (fewest modules to
 * change) until no more than (1 - headroom) of what it can correct stays wrong.
 */
final class RepairPlan {

    /**
     * Function modules (and the quiet band) are judged over the whole module, since detectors
     * measure their runs edge to edge: one is fixed when more than this share of its pixels is
     * wrong or ambiguous, or when its texture spans more grey levels than a local binarizer
     * treats as flat (ZXing's hybrid binarizer: 24).
     */
    private static final double IMPURITY = 0.1;
    private static final int FLAT_RANGE = 24;

    private final QrSymbol symbol;
    private final CodewordLayout layout;
    private final LumaPlane plane;
    private final ModuleGrid grid;
    private final int threshold;
    private final int margin;
    private final Map<Double, int[][]> lumaBySample = new HashMap<>();

    RepairPlan(LumaPlane plane, QrSymbol symbol, ModuleGrid grid, int margin) {
        this.symbol = symbol;
        this.layout = new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
        this.plane = plane;
        this.grid = grid;
        this.threshold = LumaPlane.threshold(plane.modules(grid));
        this.margin = margin;
    }

    int threshold() {
        return threshold;
    }

    /**
     * Whether the module, averaged over the central square of the given share, is wrong or
     * ambiguous, or whether its central third is speckled: decoders sample single pixels there.
     */
    boolean needsFix(int x, int y, double sample) {
        int luma = lumaBySample.computeIfAbsent(sample, this::sampleAll)[y][x];
        boolean dark = symbol.dark(x, y);
        if (dark ? luma > threshold - margin : luma < threshold + margin) {
            return true;
        }
        int[] centre = grid.samples(plane, x, y, 1.0 / 3);
        long wrong = java.util.Arrays.stream(centre).filter(v -> dark ? v >= threshold : v < threshold).count();
        return wrong > IMPURITY * centre.length;
    }

    private int[][] sampleAll(double share) {
        int n = symbol.width();
        int[][] out = new int[n][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                out[y][x] = grid.meanLuma(plane, x, y, share);
            }
        }
        return out;
    }

    /** Function modules that need fixing, as {x, y} pairs. */
    List<int[]> functionFixes() {
        List<int[]> out = new ArrayList<>();
        for (int y = 0; y < symbol.width(); y++) {
            for (int x = 0; x < symbol.width(); x++) {
                if (layout.isFunction(x, y) && !clean(x, y, symbol.dark(x, y))) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out;
    }

    /** Whether a whole module reads clearly as dark (or light) and is flat enough for a local binarizer. */
    boolean clean(int x, int y, boolean dark) {
        int[] samples = grid.samples(plane, x, y, 1.0);
        if (samples.length == 0) {
            return true;
        }
        java.util.Arrays.sort(samples);
        long wrong = java.util.Arrays.stream(samples)
                .filter(v -> dark ? v > threshold - margin : v < threshold + margin).count();
        int spread = samples[samples.length - 1] - samples[0];
        return wrong <= IMPURITY * samples.length && spread <= FLAT_RANGE;
    }

    /**
     * Data modules to fix so that every block keeps the given headroom, as {x, y} pairs; a module
     * is judged over the dot it would get.
     */
    List<int[]> dataFixes(double headroom, double sample) {
        List<int[]> out = new ArrayList<>();
        for (CodewordLayout.Block block : layout.blocks()) {
            List<int[]> wrong = block.codewords().stream().map(codeword -> fixesOf(codeword, sample)).filter(f -> f.length > 0)
                    .sorted(Comparator.comparingInt(f -> f.length)).toList();
            int allowed = (int) Math.floor((1 - headroom) * block.correctable());
            for (int i = 0; i < wrong.size() - allowed; i++) {
                int[] modules = wrong.get(i);
                for (int m = 0; m < modules.length; m += 2) {
                    out.add(new int[] {modules[m], modules[m + 1]});
                }
            }
        }
        return out;
    }

    /** The codeword's modules that need fixing, flattened {x0, y0, x1, y1, ...}. */
    private int[] fixesOf(int codeword, double sample) {
        int[] modules = layout.modulesOf(codeword);
        int[] out = new int[modules.length];
        int n = 0;
        for (int m = 0; m < modules.length; m += 2) {
            if (needsFix(modules[m], modules[m + 1], sample)) {
                out[n++] = modules[m];
                out[n++] = modules[m + 1];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
