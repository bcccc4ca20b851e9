package app.qrart.gateway.qr.repair;

import app.qrart.gateway.qr.analysis.CodewordLayout;
import app.qrart.gateway.qr.analysis.ModuleGrid;
import app.qrart.gateway.qr.encode.QrSymbol;
import app.qrart.gateway.qr.verify.BoofQrDecoder;
import app.qrart.gateway.qr.verify.CameraSimulator;
import app.qrart.gateway.qr.verify.QrVerifier;
import boofcv.factory.fiducial.ConfigQrCode;
import boofcv.factory.filter.binary.FactoryThresholdBinary;
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
 * (the suite's frames for blur, distance, ink spread, print), each frame binarized twice, by
 * ZXing's and by BoofCV's local thresholds (two views per frame), and every module sampled at
 * its centre through the grid.
 * What to fix: function modules and the quiet band beside the finders that any frame misreads,
 * then, per Reed-Solomon block, the cheapest misread codewords until no frame leaves more than
 * (1 - headroom) of what the block can correct.
 */
final class CameraPlan {

    /** Modules of quiet zone around the symbol that are judged too. */
    static final int RING = 2;

    private final QrSymbol symbol;
    private final CodewordLayout layout;

    /** [view][y + RING][x + RING]: whether the view (a frame as one binarizer sees it) reads the module on the wrong side. */
    private final boolean[][][] misread;

    /** [y + RING][x + RING]: how many views misread the module. */
    private final int[][] misses;

    CameraPlan(
            BufferedImage image,
            QrSymbol symbol,
            ModuleGrid grid,
            CodewordLayout layout,
            int modulePixels,
            Collection<String> conditions) {
        this.symbol = symbol;
        this.layout = layout;
        List<CameraSimulator.Frame> frames = CameraSimulator.frames(image, modulePixels, conditions);
        this.misread = new boolean[2 * frames.size()][][];
        for (int f = 0; f < frames.size(); f++) {
            CameraSimulator.Frame frame = frames.get(f);
            misread[2 * f] = misreadBy(frame, zxingBinary(frame.image()), grid);
            misread[2 * f + 1] = misreadBy(frame, boofBinary(frame.image()), grid);
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

    private boolean[][] misreadBy(CameraSimulator.Frame frame, BitMatrix bits, ModuleGrid grid) {
        int side = symbol.width() + 2 * RING;
        boolean[][] out = new boolean[side][side];
        for (int y = -RING; y < symbol.width() + RING; y++) {
            for (int x = -RING; x < symbol.width() + RING; x++) {
                boolean wrong = seenDark(frame, bits, grid.pixel(x + 0.5, y + 0.5)) != dark(x, y);
                out[y + RING][x + RING] = wrong;
            }
        }
        return out;
    }

    private static boolean seenDark(CameraSimulator.Frame frame, BitMatrix bits, double[] p) {
        int fx = (int) Math.floor(p[0] * frame.scaleX());
        int fy = (int) Math.floor(p[1] * frame.scaleY());
        return fx >= 0 && fy >= 0 && fx < bits.getWidth() && fy < bits.getHeight() && bits.get(fx, fy);
    }

    /** The frame as ZXing's local-threshold binarizer sees it (set: dark). */
    private static BitMatrix zxingBinary(BufferedImage image) {
        try {
            return new HybridBinarizer(QrVerifier.luminance(image)).getBlackMatrix();
        } catch (NotFoundException e) {
            return new BitMatrix(image.getWidth(), image.getHeight());
        }
    }

    /** The frame as BoofCV's QR detector thresholds it (set: dark). */
    private static BitMatrix boofBinary(BufferedImage image) {
        GrayU8 binary = new GrayU8(image.getWidth(), image.getHeight());
        FactoryThresholdBinary.threshold(new ConfigQrCode().threshold, GrayU8.class)
                .process(BoofQrDecoder.gray(image), binary);
        BitMatrix bits = new BitMatrix(image.getWidth(), image.getHeight());
        for (int y = 0; y < binary.height; y++) {
            for (int x = 0; x < binary.width; x++) {
                if (binary.get(x, y) != 0) {
                    bits.set(x, y);
                }
            }
        }
        return bits;
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
