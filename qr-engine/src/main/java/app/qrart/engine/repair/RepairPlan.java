package app.qrart.engine.repair;

import app.qrart.engine.analysis.CodewordLayout;
import app.qrart.engine.analysis.LumaPlane;
import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.verify.QrVerifier;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which modules of a picture disagree with the symbol it must read as, judged the way readers
 * see them: a module is wrong or ambiguous within a margin of the picture's dark/light threshold
 * (BoofCV and camera readers average it), or wrong where ZXing's local binarizer samples it.
 * Function-pattern modules that need it are always fixed; for data, each Reed-Solomon block fixes
 * its cheapest wrong codewords (fewest modules to change) until no more than (1 - headroom) of
 * what it can correct stays wrong.
 */
final class RepairPlan {

    /**
     * Function modules (and the quiet band) are judged over the whole module, since detectors
     * measure their runs edge to edge: one is fixed when more than this share of its pixels is on
     * the wrong side of the threshold or of the binarizer; data modules when more than this share
     * of their central third is.
     */
    private static final double IMPURITY = 0.1;

    private static final double FUNCTION_SAMPLE = 0.8;

    private final QrSymbol symbol;
    private final CodewordLayout layout;
    private final LumaPlane plane;
    private final ModuleGrid grid;
    private final int threshold;
    private final int margin;
    private final int quietMargin;
    private final Map<Double, int[][]> lumaBySample = new HashMap<>();

    private final BitMatrix binarized;

    /** Grey levels either side of the dark/light threshold within which a module counts as ambiguous. */
    static final int AMBIGUITY_MARGIN = 24;

    /**
     * Grey levels above the dark/light threshold every pixel of a quiet-zone module must reach to
     * count as light: a barely light module beside a finder breaks its outer edge for a local binarizer.
     */
    static final int QUIET_MARGIN = 16;

    /** A plan for the image as a step of the repair on this canvas finds it. */
    static RepairPlan of(BufferedImage image, Canvas canvas) {
        return new RepairPlan(
                image, canvas.symbol(), canvas.grid(), canvas.threshold(), AMBIGUITY_MARGIN, QUIET_MARGIN);
    }

    /**
     * A plan for the image as it is now, judged against a threshold fixed from the untouched
     * picture: {@code margin} either side of it is ambiguous, and a quiet-zone pixel is light only
     * {@code quietMargin} above it.
     */
    RepairPlan(BufferedImage image, QrSymbol symbol, ModuleGrid grid, int threshold, int margin, int quietMargin) {
        this.symbol = symbol;
        this.layout = new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
        this.plane = LumaPlane.of(image);
        this.grid = grid;
        this.threshold = threshold;
        this.margin = margin;
        this.quietMargin = quietMargin;
        this.binarized = binarize(image);
    }

    private static BitMatrix binarize(BufferedImage image) {
        try {
            return new HybridBinarizer(QrVerifier.luminance(image)).getBlackMatrix();
        } catch (NotFoundException e) {
            return new BitMatrix(image.getWidth(), image.getHeight());
        }
    }

    /**
     * Share of the given pixels on the wrong side of ZXing's binarizer or not {@code clearance}
     * levels past the threshold on their own side.
     */
    private double wrongShare(int[] pixels, boolean dark, int clearance) {
        if (pixels.length == 0) {
            return 0;
        }
        int wrong = 0;
        for (int p : pixels) {
            int x = p % plane.width();
            int y = p / plane.width();
            int luma = plane.at(x, y);
            boolean clear = dark ? luma < threshold - clearance : luma >= threshold + clearance;
            wrong += !clear || binarized.get(x, y) != dark ? 1 : 0;
        }
        return (double) wrong / pixels.length;
    }

    int threshold() {
        return threshold;
    }

    /** Every module's mean luma over its central square of the given share, sampled once per share. */
    private int[][] moduleLuma(double share) {
        return lumaBySample.computeIfAbsent(share, s -> plane.modules(grid, s));
    }

    /**
     * Whether the module, averaged over the central square of the given share, is wrong or
     * ambiguous, or whether its central third is speckled: decoders sample single pixels there.
     */
    boolean needsFix(int x, int y, double sample) {
        int luma = moduleLuma(sample)[y][x];
        boolean dark = symbol.dark(x, y);
        if (dark ? luma > threshold - margin : luma < threshold + margin) {
            return true;
        }
        return wrongShare(grid.samplePixels(plane.width(), plane.height(), x, y, 1.0 / 3), dark, 0) > IMPURITY;
    }

    /**
     * Finder and separator modules that need fixing; with allFunction, every function module that
     * does, judged edge to edge (a light seam between two dark finder modules breaks the run as
     * surely as a spot in the middle; the first steps leave module edges alone in case the grid
     * is a little off); with always, every such module whether it needs it or not (the last resort).
     */
    List<int[]> finderFixes(boolean allFunction, boolean always) {
        double sample = allFunction ? 1.0 : FUNCTION_SAMPLE;
        List<int[]> out = new ArrayList<>();
        for (int y = 0; y < symbol.width(); y++) {
            for (int x = 0; x < symbol.width(); x++) {
                boolean strict = nearFinder(x, y, symbol.width()) || allFunction && layout.isFunction(x, y);
                if (strict && (always || !clean(x, y, symbol.dark(x, y), sample))) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out;
    }

    /**
     * Timing, alignment, format and version modules that need fixing, judged like data modules
     * (readers sample their centres; format and version information carry their own BCH code).
     */
    List<int[]> otherFunctionFixes(double sample) {
        List<int[]> out = new ArrayList<>();
        for (int y = 0; y < symbol.width(); y++) {
            for (int x = 0; x < symbol.width(); x++) {
                if (layout.isFunction(x, y) && !nearFinder(x, y, symbol.width()) && needsFix(x, y, sample)) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out;
    }

    /** A finder pattern or its separator (the 8 x 8 corner squares), or the quiet zone beside one. */
    static boolean nearFinder(int x, int y, int width) {
        boolean left = x < 8;
        boolean right = x >= width - 8;
        boolean top = y < 8;
        boolean bottom = y >= width - 8;
        return (top && (left || right)) || (bottom && left);
    }

    /**
     * Whether a function module reads as dark (or light) to a threshold and to a local binarizer
     * at every pixel of its central square of the given share: one stray pixel breaks a finder's
     * 1:1:3:1:1 run.
     */
    boolean clean(int x, int y, boolean dark, double sample) {
        return wrongShare(grid.samplePixels(plane.width(), plane.height(), x, y, sample), dark, 0) == 0;
    }

    /**
     * Whether a quiet-zone module is clearly light (the quiet margin above the threshold) and light
     * to a local binarizer over nearly all of it.
     */
    boolean quiet(int x, int y) {
        return wrongShare(grid.samplePixels(plane.width(), plane.height(), x, y, 1.0), false, quietMargin) <= IMPURITY;
    }

    /**
     * Data modules to fix so that every block keeps the given headroom, as {x, y} pairs; a module
     * is judged over the dot it would get.
     */
    List<int[]> dataFixes(double headroom, double sample) {
        List<int[]> out = new ArrayList<>();
        for (CodewordLayout.Block block : layout.blocks()) {
            List<int[]> wrong = block.codewords().stream()
                    .map(codeword -> fixesOf(codeword, sample))
                    .filter(f -> f.length > 0)
                    .sorted(Comparator.comparingInt(f -> f.length))
                    .toList();
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
        return Arrays.copyOf(out, n);
    }
}
