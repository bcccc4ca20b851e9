package app.qrart.engine.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Blurs of packed RGB images as separable passes (a 2-D Gaussian is a row pass then a column
 * pass, a fraction of the cost of the full kernel). Pixels closer to an edge than the kernel's
 * reach are left as they are, and channel values are truncated, as {@code java.awt.image.ConvolveOp}
 * with {@code EDGE_NO_OP} does.
 */
public final class Blur {

    /** Reach of the Gaussian kernel, in standard deviations. */
    private static final double GAUSSIAN_REACH = 2.5;

    /** Added before truncating, so that a sum that is an integer up to rounding error stays that integer. */
    private static final double TRUNCATION_SLACK = 1e-4;

    private Blur() {}

    /** A Gaussian blur of standard deviation {@code sigma} pixels. */
    public static BufferedImage gaussian(BufferedImage image, double sigma) {
        double[] weights = gaussianWeights(sigma);
        return separable(image, weights, weights);
    }

    /** A horizontal motion blur: each pixel the mean of {@code length} pixels of its row. */
    public static BufferedImage horizontal(BufferedImage image, int length) {
        double[] box = new double[length];
        Arrays.fill(box, 1.0 / length);
        return separable(image, box, new double[] {1});
    }

    private static double[] gaussianWeights(double sigma) {
        int radius = (int) Math.ceil(GAUSSIAN_REACH * sigma);
        double[] weights = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    /**
     * Row pass then column pass. A kernel of even length is anchored as ConvolveOp anchors it:
     * its origin is at index length / 2.
     */
    private static BufferedImage separable(BufferedImage image, double[] across, double[] down) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = Luma.pixels(image);
        int left = across.length / 2;
        int right = across.length - 1 - left;
        int top = down.length / 2;
        int bottom = down.length - 1 - top;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(rgb, 0, target, 0, rgb.length);
        if (w <= left + right || h <= top + bottom) {
            return out;
        }
        double[] plane = new double[w * h];
        double[] rows = new double[w * h];
        double[] sums = new double[w];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            for (int i = 0; i < plane.length; i++) {
                plane[i] = rgb[i] >> shift & 0xff;
            }
            acrossRows(plane, rows, w, h, across, left, right);
            for (int y = top; y < h - bottom; y++) {
                // Each sum adds its taps in kernel order, as a per-pixel loop would: the same result, vectorisable.
                Arrays.fill(sums, 0);
                for (int k = 0; k < down.length; k++) {
                    double weight = down[k];
                    int source = (y - top + k) * w;
                    for (int x = left; x < w - right; x++) {
                        sums[x] += weight * rows[source + x];
                    }
                }
                int row = y * w;
                int keep = 0x00ffffff & ~(0xff << shift);
                for (int x = left; x < w - right; x++) {
                    target[row + x] = target[row + x] & keep | truncated(sums[x]) << shift;
                }
            }
        }
        return out;
    }

    /** The row pass of one channel plane: each pixel the kernel's taps summed in kernel order. */
    private static void acrossRows(double[] plane, double[] rows, int w, int h, double[] across, int left, int right) {
        for (int y = 0; y < h; y++) {
            int row = y * w;
            Arrays.fill(rows, row + left, row + w - right, 0);
            for (int k = 0; k < across.length; k++) {
                double weight = across[k];
                int from = row - left + k;
                for (int x = left; x < w - right; x++) {
                    rows[row + x] += weight * plane[from + x];
                }
            }
        }
    }

    private static int truncated(double v) {
        return (int) Math.max(0, Math.min(255, v + TRUNCATION_SLACK));
    }
}
