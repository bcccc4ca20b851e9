package app.qrart.gateway.qr.verify;

import app.qrart.gateway.qr.image.Luma;
import app.qrart.gateway.qr.image.Perspective;
import app.qrart.gateway.qr.image.RgbImages;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * A deterministic camera-simulation suite: what a phone does to a code before its decoder sees
 * it. Levels are in module units so they mean the same at any size:
 * <ul>
 * <li>downscale to 4, 3 and 2 pixels per module (area-averaged, as a distant camera's sensor
 * integrates the light over each pixel);</li>
 * <li>Gaussian blur sigma 0.3 module; horizontal motion blur over 0.6 module;</li>
 * <li>JPEG at quality 30;</li>
 * <li>gamma 0.5 (over-exposed) and 2.0 (under-exposed); contrast halved around mid-grey;</li>
 * <li>an illumination gradient from 100% to 45% across the diagonal;</li>
 * <li>perspective tilts of 20 and 40 degrees about the vertical axis;</li>
 * <li>Gaussian sensor noise, sigma 16 grey levels (fixed seed);</li>
 * <li>a rotation by 17 degrees on white (a phone held askew);</li>
 * <li>glare: a soft hotspot washing 85% of the way to white at its centre;</li>
 * <li>a shadow: the left part at 40% light behind a soft edge across the code;</li>
 * <li>print and re-photograph: 3 pixels per module, blur sigma 0.5 pixel, JPEG 50;</li>
 * <li>dot gain: dark ink spread by 0.15 module into its light neighbours;</li>
 * <li>low contrast (35%) seen at 3 pixels per module.</li>
 * </ul>
 */
public final class CameraSimulator {

    /** How many variants the suite makes of each image. */
    public static final int VARIANTS = 19;

    private CameraSimulator() {}

    /**
     * Finest sampling the suite looks at, in pixels per module: a phone frames a code at a few
     * pixels per module, and a larger image is first area-averaged down to this (which also
     * keeps the suite's cost independent of the picture's resolution).
     */
    public static final double FINEST_MODULE_PIXELS = 8;

    /** Every variant of the image, by name, in a fixed order. */
    public static Map<String, BufferedImage> variants(BufferedImage picture, int nativeModulePixels) {
        BufferedImage image = framed(picture, nativeModulePixels);
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        ops(framedModulePixels(nativeModulePixels)).forEach((name, op) -> out.put(name, op.apply(image)));
        return out;
    }

    /**
     * A variant and its size against the picture it was made from: pixels of the frame per pixel
     * of the picture, across and down (a point of the picture at x, y is at x * scaleX, y * scaleY).
     */
    public record Frame(String condition, BufferedImage image, double scaleX, double scaleY) {}

    /** The variants of the named conditions only, in the suite's order, each with its scale. */
    public static List<Frame> frames(BufferedImage picture, int nativeModulePixels, Collection<String> conditions) {
        BufferedImage image = framed(picture, nativeModulePixels);
        List<Frame> out = new ArrayList<>();
        ops(framedModulePixels(nativeModulePixels)).forEach((name, op) -> {
            if (conditions.contains(name)) {
                BufferedImage seen = op.apply(image);
                out.add(new Frame(
                        name,
                        seen,
                        (double) seen.getWidth() / picture.getWidth(),
                        (double) seen.getHeight() / picture.getHeight()));
            }
        });
        return out;
    }

    /** Every condition's name, in the suite's order. */
    public static List<String> conditions() {
        return List.copyOf(ops(FINEST_MODULE_PIXELS).keySet());
    }

    /** The picture as opaque RGB, area-averaged to {@link #FINEST_MODULE_PIXELS} when finer. */
    private static BufferedImage framed(BufferedImage picture, int nativeModulePixels) {
        BufferedImage image = opaqueRgb(picture);
        return nativeModulePixels > FINEST_MODULE_PIXELS
                ? scale(image, FINEST_MODULE_PIXELS / nativeModulePixels)
                : image;
    }

    /** Pixels per module of the picture as {@link #framed} leaves it. */
    private static double framedModulePixels(int nativeModulePixels) {
        return Math.min(nativeModulePixels, FINEST_MODULE_PIXELS);
    }

    private static Map<String, UnaryOperator<BufferedImage>> ops(double modulePixels) {
        Map<String, UnaryOperator<BufferedImage>> ops = new LinkedHashMap<>();
        for (double ppm : new double[] {4, 3, 2}) {
            ops.put("downscale-" + (int) ppm + "ppm", img -> scale(img, ppm / modulePixels));
        }
        ops.put("gaussian-blur", img -> convolve(img, gaussian(0.3 * modulePixels)));
        ops.put("motion-blur", img -> convolve(img, motion((int) Math.max(2, 0.6 * modulePixels))));
        ops.put("jpeg-30", img -> jpeg(img, 0.30f));
        ops.put("gamma-0.5", img -> perPixel(img, v -> 255 * Math.pow(v / 255.0, 0.5)));
        ops.put("gamma-2.0", img -> perPixel(img, v -> 255 * Math.pow(v / 255.0, 2.0)));
        ops.put("contrast-0.5", img -> perPixel(img, v -> 128 + (v - 128) * 0.5));
        ops.put("illumination-gradient", CameraSimulator::gradient);
        ops.put("tilt-20", img -> Perspective.tilt(img, 20));
        ops.put("tilt-40", img -> Perspective.tilt(img, 40));
        ops.put("noise-16", img -> noise(img, 16, 1234));
        ops.put("rotate-17", img -> Perspective.rotate(img, 17));
        ops.put("glare", CameraSimulator::glare);
        ops.put("shadow", CameraSimulator::shadow);
        ops.put("print-rephotograph", img -> jpeg(convolve(scale(img, 3.0 / modulePixels), gaussian(0.5)), 0.50f));
        ops.put("dot-gain", img -> dotGain(img, Math.max(1, (int) Math.round(0.15 * modulePixels))));
        ops.put("low-contrast-3ppm", img -> scale(perPixel(img, v -> 128 + (v - 128) * 0.35), 3.0 / modulePixels));
        return ops;
    }

    /** Camera frames are opaque RGB; pictures read from files may be grey, indexed or carry alpha. */
    private static BufferedImage opaqueRgb(BufferedImage picture) {
        return picture.getType() == BufferedImage.TYPE_INT_RGB ? picture : RgbImages.copy(picture);
    }

    /**
     * The image shrunk by the factor (at most 1) as a sensor sees it: each output pixel is the
     * mean of the source area it covers, partial pixels weighted by their overlap (point-sampling
     * interpolation would alias texture that no camera aliases).
     */
    static BufferedImage scale(BufferedImage image, double factor) {
        int w = Math.max(21, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(21, (int) Math.round(image.getHeight() * factor));
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
            target[i] = clamp(rows[0][i]) << 16 | clamp(rows[1][i]) << 8 | clamp(rows[2][i]);
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

    private static Kernel gaussian(double sigma) {
        int radius = (int) Math.ceil(2.5 * sigma);
        int size = 2 * radius + 1;
        float[] weights = new float[size * size];
        float sum = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                float w = (float) Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                weights[(y + radius) * size + x + radius] = w;
                sum += w;
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        return new Kernel(size, size, weights);
    }

    private static Kernel motion(int length) {
        float[] weights = new float[length];
        java.util.Arrays.fill(weights, 1f / length);
        return new Kernel(length, 1, weights);
    }

    private static BufferedImage convolve(BufferedImage image, Kernel kernel) {
        return new ConvolveOp(kernel, ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }

    private static BufferedImage jpeg(BufferedImage image, float quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(ImageIO.createImageOutputStream(bytes));
            writer.write(null, new IIOImage(image, null, null), param);
            writer.dispose();
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps every channel of every pixel; the function may depend on where the pixel is. */
    private static BufferedImage mapChannels(BufferedImage image, PixelFunction at) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] source = Luma.pixels(image);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                DoubleUnaryOperator f = at.at(x, y);
                int rgb = source[y * w + x];
                target[y * w + x] = clamp(f.applyAsDouble((rgb >> 16) & 0xff)) << 16
                        | clamp(f.applyAsDouble((rgb >> 8) & 0xff)) << 8
                        | clamp(f.applyAsDouble(rgb & 0xff));
            }
        }
        return out;
    }

    private interface PixelFunction {
        DoubleUnaryOperator at(int x, int y);
    }

    private static BufferedImage perPixel(BufferedImage image, DoubleUnaryOperator f) {
        return mapChannels(image, (x, y) -> f);
    }

    private static BufferedImage gradient(BufferedImage image) {
        double span = image.getWidth() + image.getHeight();
        return mapChannels(image, (x, y) -> {
            double k = 1.0 - 0.55 * (x + y) / span;
            return v -> v * k;
        });
    }

    private static BufferedImage noise(BufferedImage image, double sigma, long seed) {
        Random random = new Random(seed);
        return mapChannels(image, (x, y) -> {
            double n = random.nextGaussian() * sigma;
            return v -> v + n;
        });
    }

    /** A soft hotspot, strongest up and to the right of centre, pulling pixels towards white. */
    private static BufferedImage glare(BufferedImage image) {
        double cx = 0.62 * image.getWidth();
        double cy = 0.38 * image.getHeight();
        double sigma = 0.16 * Math.min(image.getWidth(), image.getHeight());
        return mapChannels(image, (x, y) -> {
            double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
            double wash = 0.85 * Math.exp(-d2 / (2 * sigma * sigma));
            return v -> v + (255 - v) * wash;
        });
    }

    /** The left part of the frame at 40% light, behind an edge softened over a tenth of the frame. */
    private static BufferedImage shadow(BufferedImage image) {
        double edge = 0.4 * image.getWidth();
        double soft = 0.1 * image.getWidth();
        return mapChannels(image, (x, y) -> {
            double t = Math.max(0, Math.min(1, (x - edge + 0.15 * y) / soft + 0.5));
            double k = 0.4 + 0.6 * t;
            return v -> v * k;
        });
    }

    /** Ink spread: every pixel takes the darkest luma within the radius (a square, by channel). */
    private static BufferedImage dotGain(BufferedImage image, int radius) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = Luma.pixels(image);
        int[] across = new int[rgb.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                across[y * w + x] =
                        darkest(rgb, y * w + Math.max(0, x - radius), y * w + Math.min(w - 1, x + radius), 1);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                target[y * w + x] =
                        darkest(across, Math.max(0, y - radius) * w + x, Math.min(h - 1, y + radius) * w + x, w);
            }
        }
        return out;
    }

    /** The darkest pixel (by luma) from index {@code from} to {@code to}, stepping by {@code step}. */
    private static int darkest(int[] rgb, int from, int to, int step) {
        int best = rgb[from];
        for (int i = from + step; i <= to; i += step) {
            if (Luma.of(rgb[i]) < Luma.of(best)) {
                best = rgb[i];
            }
        }
        return best;
    }

    public static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
