package app.qrart.engine.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.util.function.DoubleUnaryOperator;

/** Luminance arithmetic on packed RGB that keeps the hue while moving the brightness. */
public final class Luma {

    private static final double FLATTEN_KEEP = 0.25;

    private Luma() {}

    public static int of(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return (299 * r + 587 * g + 114 * b) / 1000;
    }

    /** Darkens to at most the target luminance by scaling all channels (hue kept). */
    public static int darken(int rgb, int target) {
        int luma = of(rgb);
        if (luma <= target) {
            return rgb;
        }
        double k = (double) target / luma;
        return scale(rgb, c -> c * k);
    }

    /** Lightens to at least the target luminance by moving every channel toward white (hue kept). */
    public static int lighten(int rgb, int target) {
        int luma = of(rgb);
        if (luma >= target) {
            return rgb;
        }
        double k = (255.0 - target) / (255.0 - luma);
        return scale(rgb, c -> 255 - (255 - c) * k);
    }

    /**
     * Moves luminance onto the target's side and compresses what lies beyond it to a quarter of
     * its distance (dark: below the target; light: above it), hue kept.
     */
    public static int flatten(int rgb, int target, boolean dark) {
        int moved = dark ? darken(rgb, target) : lighten(rgb, target);
        int luma = of(moved);
        if (luma == target || luma == 0) {
            return moved;
        }
        double wanted = target + (luma - target) * FLATTEN_KEEP;
        return dark
                ? scale(moved, c -> c * wanted / luma)
                : scale(moved, c -> 255 - (255 - c) * (255 - wanted) / Math.max(1, 255 - luma));
    }

    /** Each channel moved the given share (0-1) of the way from a to b. */
    public static int blend(int a, int b, double share) {
        int r = mix((a >> 16) & 0xff, (b >> 16) & 0xff, share);
        int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, share);
        int bl = mix(a & 0xff, b & 0xff, share);
        return (r << 16) | (g << 8) | bl;
    }

    private static int mix(int from, int to, double share) {
        return clamp(from + (to - from) * share);
    }

    /** The photographic negative (each channel reversed): how a reflectance-reversed code reads as a normal one. */
    public static BufferedImage negative(BufferedImage image) {
        int w = image.getWidth();
        BufferedImage out = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] rgb = pixels(image);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            target[i] = ~rgb[i] & 0xffffff;
        }
        return out;
    }

    /**
     * A copy of the image's packed RGB, row by row. Whole TYPE_INT_RGB images (what the repair
     * works on) and TYPE_3BYTE_BGR ones (JPEG frames) are read straight from their raster: getRGB
     * converts every pixel through the colour model, which costs more than the reading itself.
     */
    public static int[] pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] backing = backingRgb(image);
        if (backing != null) {
            return backing.clone();
        }
        if (isPlainBgr(image)) {
            return fromBgr(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }

    /**
     * The array behind a whole TYPE_INT_RGB image (one 0xRRGGBB int per pixel, row by row), to
     * read and write in place; null for any other image.
     */
    public static int[] backingRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getNumBanks() == 1
                && buffer.getOffset() == 0
                && buffer.getSize() == image.getWidth() * image.getHeight()) {
            return buffer.getData();
        }
        return null;
    }

    /** A whole TYPE_3BYTE_BGR image (what ImageIO reads a JPEG into), its bytes b, g, r per pixel row by row. */
    private static boolean isPlainBgr(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getParent() == null
                && image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getPixelStride() == 3
                && model.getScanlineStride() == 3 * image.getWidth()
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1
                && buffer.getOffset() == 0
                && buffer.getSize() == 3 * image.getWidth() * image.getHeight();
    }

    /** Opaque packed RGB, as getRGB gives it, from b, g, r bytes. */
    private static int[] fromBgr(byte[] bgr) {
        int[] rgb = new int[bgr.length / 3];
        for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
            rgb[i] = 0xff000000 | (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8 | (bgr[j] & 0xff);
        }
        return rgb;
    }

    /** The image's luma, one byte per pixel, row by row: what a grey-scale decoder is given. */
    public static byte[] grayBytes(BufferedImage image) {
        int[] rgb = pixels(image);
        byte[] gray = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            gray[i] = (byte) of(rgb[i]);
        }
        return gray;
    }

    public static int maxChannelDelta(int a, int b) {
        int dr = Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff));
        int dg = Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff));
        int db = Math.abs((a & 0xff) - (b & 0xff));
        return Math.max(dr, Math.max(dg, db));
    }

    private static int scale(int rgb, DoubleUnaryOperator f) {
        int r = clamp(f.applyAsDouble((rgb >> 16) & 0xff));
        int g = clamp(f.applyAsDouble((rgb >> 8) & 0xff));
        int b = clamp(f.applyAsDouble(rgb & 0xff));
        return (r << 16) | (g << 8) | b;
    }

    /** The value rounded to the nearest channel level, 0-255. */
    public static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
