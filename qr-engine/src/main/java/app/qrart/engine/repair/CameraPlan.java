package app.qrart.engine.repair;

import app.qrart.engine.analysis.CodewordLayout;
import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.verify.BoofQrDecoder;
import app.qrart.engine.verify.CameraCondition;
import app.qrart.engine.verify.CameraSimulator;
import app.qrart.engine.verify.QrVerifier;
import boofcv.struct.image.GrayU8;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which modules a phone camera misreads: the picture is seen under the modelled camera conditions
 * (the suite's frames for blur, distance, ink spread, print), each frame read twice (two views
 * per frame): binarized by ZXing's local threshold and sampled at each module's centre through
 * the grid, and as BoofCV's decoder reads bits, five points per module against a threshold
 * interpolated between the finders' and the bottom right's.
 * What to fix: function modules and the quiet band beside the finders that any frame misreads,
 * then, per Reed-Solomon block, the cheapest misread codewords until no frame leaves more than
 * (1 - headroom) of what the block can correct.
 */
final class CameraPlan {

    /** Modules of quiet zone around the symbol that are judged too. */
    static final int RING = 2;

    private final QrSymbol symbol;
    private final CodewordLayout layout;

    /** [view][y + RING][x + RING]: whether the view (a frame as one reader sees it) reads the module on the wrong side. */
    private final boolean[][][] misread;

    /** [y + RING][x + RING]: how many views misread the module. */
    private final int[][] misses;

    CameraPlan(
            BufferedImage image,
            QrSymbol symbol,
            ModuleGrid grid,
            CodewordLayout layout,
            int modulePixels,
            Collection<CameraCondition> conditions) {
        this.symbol = symbol;
        this.layout = layout;
        List<CameraSimulator.Frame> frames = CameraSimulator.frames(image, modulePixels, conditions);
        this.misread = new boolean[2 * frames.size()][][];
        for (int f = 0; f < frames.size(); f++) {
            CameraSimulator.Frame frame = frames.get(f);
            BitMatrix zxing = zxingBinary(frame.image());
            misread[2 * f] = misreadBy((x, y) -> seenDark(frame, zxing, grid, x, y));
            misread[2 * f + 1] = misreadBy(boofView(frame, grid));
        }
        int side = symbol.width() + 2 * RING;
        this.misses = new int[side][side];
        for (boolean[][] view : misread) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    misses[y][x] += view[y][x] ? 1 : 0;
                }
            }
        }
    }

    /** Whether a view sees the module at x, y (quiet zone included) as dark. */
    private interface View {
        boolean dark(int x, int y);
    }

    private boolean[][] misreadBy(View view) {
        int side = symbol.width() + 2 * RING;
        boolean[][] out = new boolean[side][side];
        for (int y = -RING; y < symbol.width() + RING; y++) {
            for (int x = -RING; x < symbol.width() + RING; x++) {
                out[y + RING][x + RING] = view.dark(x, y) != dark(x, y);
            }
        }
        return out;
    }

    private static boolean seenDark(CameraSimulator.Frame frame, BitMatrix bits, ModuleGrid grid, int x, int y) {
        int[] p = framePixel(frame, grid, x + 0.5, y + 0.5);
        return p[0] >= 0 && p[1] >= 0 && p[0] < bits.getWidth() && p[1] < bits.getHeight() && bits.get(p[0], p[1]);
    }

    /** The frame as ZXing's local-threshold binarizer sees it (set: dark). */
    private static BitMatrix zxingBinary(BufferedImage image) {
        try {
            return new HybridBinarizer(QrVerifier.luminance(image)).getBlackMatrix();
        } catch (NotFoundException e) {
            return new BitMatrix(image.getWidth(), image.getHeight());
        }
    }

    /**
     * The frame as BoofCV's decoder reads bits: the grey frame at the module's centre and 0.2
     * module either way across and down, dark when at least three of the five are below the
     * module's threshold; a module whose centre is off the frame is not seen dark. The threshold
     * is interpolated bilinearly across the code between four corner thresholds: each finder's
     * (the midpoint between its dark outer ring and the light ring around it) and, for the
     * bottom right, the mean of every data sample in the code's last ten rows and columns.
     */
    private View boofView(CameraSimulator.Frame frame, ModuleGrid grid) {
        GrayU8 gray = BoofQrDecoder.gray(frame.image());
        int far = symbol.width() - 7;
        double corner = finderThreshold(frame, gray, grid, 0, 0);
        double right = finderThreshold(frame, gray, grid, far, 0);
        double down = finderThreshold(frame, gray, grid, 0, far);
        double downRight = lowerRightMean(frame, gray, grid);
        double span = symbol.width() - 1.0;
        return (x, y) -> {
            int[] centre = framePixel(frame, grid, x + 0.5, y + 0.5);
            if (centre[0] < 0 || centre[1] < 0 || centre[0] >= gray.width || centre[1] >= gray.height) {
                return false;
            }
            double bx = x / span;
            double by = y / span;
            double threshold =
                    (1 - bx) * (1 - by) * corner + bx * (1 - by) * right + (1 - bx) * by * down + bx * by * downRight;
            int below = 0;
            for (double[] offset : BIT_SAMPLES) {
                below += grey(frame, gray, grid, x + 0.5 + offset[0], y + 0.5 + offset[1]) < threshold ? 1 : 0;
            }
            return below >= 3;
        };
    }

    /** Where BoofCV's bit reader samples a module, in modules from its centre. */
    private static final double[][] BIT_SAMPLES = {{0, 0}, {-0.2, 0}, {0.2, 0}, {0, -0.2}, {0, 0.2}};

    /** Rows and columns at the bottom and right whose data samples set BoofCV's bottom-right threshold. */
    private static final int LOWER_RIGHT_BAND = 10;

    /**
     * BoofCV's bottom-right threshold: the mean grey of the five samples of every data module in
     * the code's last {@link #LOWER_RIGHT_BAND} rows or columns (it assumes as many dark as light).
     */
    private double lowerRightMean(CameraSimulator.Frame frame, GrayU8 gray, ModuleGrid grid) {
        int start = Math.max(8, symbol.width() - LOWER_RIGHT_BAND);
        double sum = 0;
        int n = 0;
        for (int codeword = 0; codeword < layout.codewords(); codeword++) {
            int[] modules = layout.modulesOf(codeword);
            for (int m = 0; m < modules.length; m += 2) {
                if (modules[m] < start && modules[m + 1] < start) {
                    continue;
                }
                for (double[] offset : BIT_SAMPLES) {
                    sum += grey(frame, gray, grid, modules[m] + 0.5 + offset[0], modules[m + 1] + 0.5 + offset[1]);
                    n++;
                }
            }
        }
        return n == 0 ? 128 : sum / n;
    }

    /** The midpoint between the finder's outer dark ring and the ring just outside it (its top-left module at x, y). */
    private static double finderThreshold(CameraSimulator.Frame frame, GrayU8 gray, ModuleGrid grid, int x, int y) {
        int[] corner = {x, y};
        return (ringMean(frame, gray, grid, corner, 0) + ringMean(frame, gray, grid, corner, -1)) / 2;
    }

    /** Mean grey of the module centres on the square ring {@code inset} modules inside a finder's 7 x 7 outline (-1: just outside it). */
    private static double ringMean(CameraSimulator.Frame frame, GrayU8 gray, ModuleGrid grid, int[] corner, int inset) {
        int from = inset;
        int to = 6 - inset;
        double sum = 0;
        int n = 0;
        for (int y = from; y <= to; y++) {
            for (int x = from; x <= to; x++) {
                if (x == from || x == to || y == from || y == to) {
                    sum += grey(frame, gray, grid, corner[0] + x + 0.5, corner[1] + y + 0.5);
                    n++;
                }
            }
        }
        return sum / n;
    }

    /** The grey frame at a point of the module grid (nearest pixel; points off the frame take its nearest edge pixel). */
    private static int grey(CameraSimulator.Frame frame, GrayU8 gray, ModuleGrid grid, double u, double v) {
        int[] p = framePixel(frame, grid, u, v);
        return gray.get(Math.max(0, Math.min(p[0], gray.width - 1)), Math.max(0, Math.min(p[1], gray.height - 1)));
    }

    private static int[] framePixel(CameraSimulator.Frame frame, ModuleGrid grid, double u, double v) {
        double[] p = grid.pixel(u, v);
        return new int[] {(int) Math.floor(p[0] * frame.scaleX()), (int) Math.floor(p[1] * frame.scaleY())};
    }

    /** Whether the module (quiet zone included) is dark in the symbol. */
    boolean dark(int x, int y) {
        return x >= 0 && y >= 0 && x < symbol.width() && y < symbol.width() && symbol.dark(x, y);
    }

    /** How many frames misread the module. */
    int misses(int x, int y) {
        return misses[y + RING][x + RING];
    }

    /**
     * EC headroom as the camera reads the code: 1 - the worst block's misread codewords over
     * what it can correct, in the worst frame.
     */
    double headroom() {
        double worst = 0;
        for (CodewordLayout.Block block : layout.blocks()) {
            for (int f = 0; f < misread.length; f++) {
                int frame = f;
                long wrong = block.codewords().stream()
                        .filter(c -> misreadIn(frame, c))
                        .count();
                worst = Math.max(worst, (double) wrong / block.correctable());
            }
        }
        return 1 - worst;
    }

    /**
     * Modules to fix, as {x, y}: function modules and the quiet band of {@code quiet} modules
     * beside the finders that a frame misreads, then data so every block keeps the headroom in every frame.
     */
    List<int[]> modules(double headroom, int quiet) {
        List<int[]> out = new ArrayList<>();
        int width = symbol.width();
        int band = Math.min(quiet, RING);
        for (int y = -band; y < width + band; y++) {
            for (int x = -band; x < width + band; x++) {
                boolean inside = x >= 0 && y >= 0 && x < width && y < width;
                boolean judged = inside ? layout.isFunction(x, y) : RepairPlan.nearFinder(x, y, width);
                if (judged && misses(x, y) > 0) {
                    out.add(new int[] {x, y});
                }
            }
        }
        for (CodewordLayout.Block block : layout.blocks()) {
            for (int codeword : fixesIn(block, headroom)) {
                int[] modules = layout.modulesOf(codeword);
                for (int m = 0; m < modules.length; m += 2) {
                    if (misses(modules[m], modules[m + 1]) > 0) {
                        out.add(new int[] {modules[m], modules[m + 1]});
                    }
                }
            }
        }
        return out;
    }

    /** The block's codewords to fix: cheapest first (fewest misread modules), while a frame still has too many wrong. */
    private List<Integer> fixesIn(CodewordLayout.Block block, double headroom) {
        int allowed = (int) Math.floor((1 - headroom) * block.correctable());
        int[] wrong = new int[misread.length];
        for (int f = 0; f < misread.length; f++) {
            int frame = f;
            wrong[f] = (int)
                    block.codewords().stream().filter(c -> misreadIn(frame, c)).count();
        }
        List<Integer> candidates = block.codewords().stream()
                .filter(c -> cost(c) > 0)
                .sorted(Comparator.comparingInt(this::cost))
                .toList();
        List<Integer> fixes = new ArrayList<>();
        for (int codeword : candidates) {
            boolean helps = false;
            for (int f = 0; f < misread.length; f++) {
                helps |= wrong[f] > allowed && misreadIn(f, codeword);
            }
            if (helps) {
                fixes.add(codeword);
                for (int f = 0; f < misread.length; f++) {
                    wrong[f] -= misreadIn(f, codeword) ? 1 : 0;
                }
            }
        }
        return fixes;
    }

    /** Misread modules of the codeword, summed over the frames. */
    private int cost(int codeword) {
        int[] modules = layout.modulesOf(codeword);
        int n = 0;
        for (int m = 0; m < modules.length; m += 2) {
            n += misses(modules[m], modules[m + 1]);
        }
        return n;
    }

    private boolean misreadIn(int frame, int codeword) {
        int[] modules = layout.modulesOf(codeword);
        for (int m = 0; m < modules.length; m += 2) {
            if (misread[frame][modules[m + 1] + RING][modules[m] + RING]) {
                return true;
            }
        }
        return false;
    }
}
