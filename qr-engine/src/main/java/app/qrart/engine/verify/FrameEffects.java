package app.qrart.engine.verify;

import app.qrart.engine.image.ImageBytes;
import app.qrart.engine.image.Luma;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * What light, sensor and ink do to a camera frame, channel by channel: tone curves, uneven light
 * (gradient, glare, shadow), sensor noise, dot gain and JPEG compression. Every effect is deterministic.
 */
final class FrameEffects {

    /** Noise fields kept, by frame size; the cache is emptied when it would grow past this. */
    private static final int NOISE_FIELDS_KEPT = 16;

    private static final Map<String, double[]> NOISE = new ConcurrentHashMap<>();

    private FrameEffects() {}

    /** The image through a JPEG encoder at this quality and back. */
    static BufferedImage jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return ImageBytes.read(ImageBytes.write(image, writer, param));
    }

    /** Every channel level mapped by the same curve (worked out once per level). */
    static BufferedImage toneCurve(BufferedImage image, DoubleUnaryOperator curve) {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) {
            table[v] = Luma.clamp(curve.applyAsDouble(v));
        }
        return map(image, (i, x, y, v) -> table[v]);
    }

    /** Light falling from 100% at the top left to 45% at the bottom right. */
    static BufferedImage gradient(BufferedImage image) {
        double span = image.getWidth() + image.getHeight();
        return map(image, (i, x, y, v) -> Luma.clamp(v * (1.0 - 0.55 * (x + y) / span)));
    }

    /**
     * Gaussian sensor noise of the given sigma, one draw per pixel (shared by its channels), in a
     * fixed sequence per seed; the field is drawn once per frame size.
     */
    static BufferedImage noise(BufferedImage image, double sigma, long seed) {
        double[] field = noiseField(image.getWidth(), image.getHeight(), sigma, seed);
        return map(image, (i, x, y, v) -> Luma.clamp(v + field[i]));
    }

    private static double[] noiseField(int w, int h, double sigma, long seed) {
        String key = w + "x" + h + '/' + sigma + '/' + seed;
        double[] field = NOISE.get(key);
        if (field != null) {
            return field;
        }
        Random random = new Random(seed);
        double[] drawn = new double[w * h];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = random.nextGaussian() * sigma;
        }
        if (NOISE.size() >= NOISE_FIELDS_KEPT) {
            NOISE.clear();
        }
        NOISE.put(key, drawn);
        return drawn;
    }

    /** A soft hotspot, strongest up and to the right of centre, pulling pixels towards white. */
    static BufferedImage glare(BufferedImage image) {
        double sigma = 0.16 * Math.min(image.getWidth(), image.getHeight());
        double[] across = gaussianProfile(image.getWidth(), 0.62 * image.getWidth(), sigma);
        double[] down = gaussianProfile(image.getHeight(), 0.38 * image.getHeight(), sigma);
        return map(image, (i, x, y, v) -> {
            double wash = 0.85 * across[x] * down[y];
            return Luma.clamp(v + (255 - v) * wash);
        });
    }

    /** exp(-(t - centre)^2 / 2 sigma^2) at every t below length: a 2-D Gaussian is the product of two. */
    private static double[] gaussianProfile(int length, double centre, double sigma) {
        double[] profile = new double[length];
        for (int t = 0; t < length; t++) {
            profile[t] = Math.exp(-(t - centre) * (t - centre) / (2 * sigma * sigma));
        }
        return profile;
    }

    /** The left part of the frame at 40% light, behind an edge softened over a tenth of the frame. */
    static BufferedImage shadow(BufferedImage image) {
        double edge = 0.4 * image.getWidth();
        double soft = 0.1 * image.getWidth();
        return map(image, (i, x, y, v) -> {
            double t = Math.max(0, Math.min(1, (x - edge + 0.15 * y) / soft + 0.5));
            return Luma.clamp(v * (0.4 + 0.6 * t));
        });
    }

    /** Ink spread: every pixel takes the darkest luma within the radius (a square, by channel). */
    static BufferedImage dotGain(BufferedImage image, int radius) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = Luma.pixels(image);
        int[] across = new int[rgb.length];
        int[] luma = lumas(rgb);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                across[y * w + x] =
                        rgb[darkest(luma, y * w + Math.max(0, x - radius), y * w + Math.min(w - 1, x + radius), 1)];
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] acrossLuma = lumas(across);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                target[y * w + x] = across[
                        darkest(acrossLuma, Math.max(0, y - radius) * w + x, Math.min(h - 1, y + radius) * w + x, w)];
            }
        }
        return out;
    }

    private static int[] lumas(int[] rgb) {
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = Luma.of(rgb[i]);
        }
        return out;
    }

    /** Where the darkest pixel (the first of the darkest) lies from index {@code from} to {@code to}, stepping by {@code step}. */
    private static int darkest(int[] luma, int from, int to, int step) {
        int best = from;
        for (int i = from + step; i <= to; i += step) {
            if (luma[i] < luma[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A channel's new level from its level and where its pixel is (index i = y * width + x). */
    private interface ChannelMap {
        int apply(int i, int x, int y, int level);
    }

    private static BufferedImage map(BufferedImage image, ChannelMap channel) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] source = Luma.pixels(image);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int rgb = source[i];
                target[i] = channel.apply(i, x, y, (rgb >> 16) & 0xff) << 16
                        | channel.apply(i, x, y, (rgb >> 8) & 0xff) << 8
                        | channel.apply(i, x, y, rgb & 0xff);
            }
        }
        return out;
    }
}
