package app.qrart.engine.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Area-averaged down-scaling of packed RGB images. */
public final class AreaScale {

    /** Smallest side, in pixels, of a shrunk image: the smallest QR symbol with no quiet zone. */
    private static final int MIN_SIDE = 21;

    private AreaScale() {}

    /**
     * The image shrunk by the factor (at most 1) as a sensor sees it: each output pixel is the
     * mean of the source area it covers, partial pixels weighted by their overlap (point-sampling
     * interpolation would alias texture that no camera aliases).
     */
    public static BufferedImage shrink(BufferedImage image, double factor) {
        int w = Math.max(MIN_SIDE, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(MIN_SIDE, (int) Math.round(image.getHeight() * factor));
        int[] rgb = Luma.pixels(image);
        BoxWeights across = new BoxWeights(image.getWidth(), w);
        BoxWeights down = new BoxWeights(image.getHeight(), h);
        double[][] rows = new double[3][];
        for (int c = 0; c < 3; c++) {
            double[] channel = channel(rgb, 16 - 8 * c);
            rows[c] = down.downColumns(across.acrossRows(channel, image.getWidth(), image.getHeight()), w);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < target.length; i++) {
            target[i] = Luma.clamp(rows[0][i]) << 16 | Luma.clamp(rows[1][i]) << 8 | Luma.clamp(rows[2][i]);
        }
        return out;
    }

    private static double[] channel(int[] rgb, int shift) {
        double[] out = new double[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = rgb[i] >> shift & 0xff;
        }
        return out;
    }

    /**
     * Box resampling of a plane along one axis to `size` samples: each output sample averages the
     * source interval it covers, the interval's end pixels by their overlap. Which source pixels
     * each output covers, and by how much, is worked out once per axis.
     */
    private static final class BoxWeights {
        private final int[] first;
        private final double[][] overlaps;
        private final double[] spans;

        BoxWeights(int length, int size) {
            first = new int[size];
            overlaps = new double[size][];
            spans = new double[size];
            double step = (double) length / size;
            for (int o = 0; o < size; o++) {
                double from = o * step;
                double to = Math.min(length, from + step);
                first[o] = (int) from;
                int count = (int) Math.ceil(to) - first[o];
                overlaps[o] = new double[count];
                for (int k = 0; k < count; k++) {
                    int s = first[o] + k;
                    overlaps[o][k] = Math.min(to, s + 1) - Math.max(from, s);
                }
                spans[o] = to - from;
            }
        }

        double[] acrossRows(double[] plane, int width, int height) {
            int size = first.length;
            double[] out = new double[size * height];
            for (int line = 0; line < height; line++) {
                int row = line * width;
                for (int o = 0; o < size; o++) {
                    double sum = 0;
                    double[] w = overlaps[o];
                    for (int k = 0; k < w.length; k++) {
                        sum += w[k] * plane[row + first[o] + k];
                    }
                    out[line * size + o] = sum / spans[o];
                }
            }
            return out;
        }

        double[] downColumns(double[] plane, int width) {
            int size = first.length;
            double[] out = new double[width * size];
            for (int o = 0; o < size; o++) {
                int target = o * width;
                double[] w = overlaps[o];
                for (int k = 0; k < w.length; k++) {
                    int source = (first[o] + k) * width;
                    for (int x = 0; x < width; x++) {
                        out[target + x] += w[k] * plane[source + x];
                    }
                }
                for (int x = 0; x < width; x++) {
                    out[target + x] /= spans[o];
                }
            }
            return out;
        }
    }
}
