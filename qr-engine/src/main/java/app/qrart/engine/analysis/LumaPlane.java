package app.qrart.engine.analysis;

import app.qrart.engine.image.Luma;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.OptionalDouble;

/** An image's luminance, read once, with box means from a summed-area table for searches. */
public final class LumaPlane {

    private final int width;
    private final int height;
    private final int[] luma;
    private long[] integral;

    private LumaPlane(int width, int height, int[] luma) {
        this.width = width;
        this.height = height;
        this.luma = luma;
    }

    public static LumaPlane of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = Luma.pixels(image);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = Luma.of(rgb[i]);
        }
        return new LumaPlane(w, h, rgb);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    public int at(int x, int y) {
        return luma[y * width + x];
    }

    /** Mean luma of the pixels in [x0, x1) x [y0, y1), clipped to the image; mid-grey when empty. */
    public double boxMean(int x0, int y0, int x1, int y1) {
        if (integral == null) {
            integral = summedArea();
        }
        int ax = Math.max(0, x0);
        int ay = Math.max(0, y0);
        int bx = Math.min(width, Math.max(ax + 1, x1));
        int by = Math.min(height, Math.max(ay + 1, y1));
        if (ax >= width || ay >= height) {
            return 128;
        }
        int stride = width + 1;
        long sum = integral[by * stride + bx]
                - integral[ay * stride + bx]
                - integral[by * stride + ax]
                + integral[ay * stride + ax];
        return (double) sum / ((long) (bx - ax) * (by - ay));
    }

    /** Centre luma of every module of the symbol, [y][x]. */
    public int[][] modules(ModuleGrid grid) {
        return modules(grid, 1.0 / 3);
    }

    /** Mean luma of every module's central square of the given share, [y][x]. */
    public int[][] modules(ModuleGrid grid, double share) {
        int n = grid.width();
        int[][] out = new int[n][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                out[y][x] = grid.meanLuma(this, x, y, share);
            }
        }
        return out;
    }

    /**
     * Dark/light split of the module lumas of a picture that may not draw a code yet: the midpoint
     * of the two classes' means (two-means), from mid-grey; a picture all on one side of mid-grey
     * (a light ink, a washed-out picture) splits from the mean of all instead, and a picture with
     * no contrast at all at mid-grey. From the mean, a picture that draws no code would split
     * inside its own noise.
     */
    public static int threshold(int[][] modules) {
        double t = twoMeans(modules, 128).orElseGet(() -> fromMean(modules));
        return (int) Math.round(t);
    }

    /**
     * Dark/light split of the module lumas of a picture known to draw a code (a located one):
     * two-means from the mean of all. From mid-grey, a code whose modules are mostly light (or
     * mostly dark) can settle on a split inside its larger class.
     */
    public static int drawnCodeThreshold(int[][] modules) {
        return (int) Math.round(fromMean(modules));
    }

    /** Two-means from the mean of all; mid-grey when every module has the same luma. */
    private static double fromMean(int[][] modules) {
        return twoMeans(modules, mean(modules)).orElse(128);
    }

    private static double mean(int[][] modules) {
        return Arrays.stream(modules).flatMapToInt(Arrays::stream).average().orElse(128);
    }

    /** Two-means from the start; empty when every module falls on one side of it. */
    private static OptionalDouble twoMeans(int[][] modules, double start) {
        double t = start;
        for (int round = 0; round < 8; round++) {
            double dark = 0;
            double light = 0;
            int darkCount = 0;
            int lightCount = 0;
            for (int[] row : modules) {
                for (int v : row) {
                    if (v < t) {
                        dark += v;
                        darkCount++;
                    } else {
                        light += v;
                        lightCount++;
                    }
                }
            }
            if (darkCount == 0 || lightCount == 0) {
                // Only from the start: a midpoint of two classes' means always splits them again.
                return OptionalDouble.empty();
            }
            t = (dark / darkCount + light / lightCount) / 2;
        }
        return OptionalDouble.of(t);
    }

    private long[] summedArea() {
        int stride = width + 1;
        long[] s = new long[stride * (height + 1)];
        for (int y = 0; y < height; y++) {
            long row = 0;
            for (int x = 0; x < width; x++) {
                row += luma[y * width + x];
                s[(y + 1) * stride + x + 1] = s[y * stride + x + 1] + row;
            }
        }
        return s;
    }
}
