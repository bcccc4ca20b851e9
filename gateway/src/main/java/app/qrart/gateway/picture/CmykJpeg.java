package app.qrart.gateway.picture;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * CMYK and YCCK JPEGs, which ImageIO reads only as a raw raster. Adobe's APP14 segment says how
 * the channels are stored: transform 2 is YCCK; Adobe writers store all four channels inverted.
 */
final class CmykJpeg {

    /** No Adobe segment. */
    static final int NO_ADOBE = -1;

    private CmykJpeg() {}

    /** The transform byte of the Adobe APP14 segment, or {@link #NO_ADOBE}. */
    static int adobeTransform(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xDA || length < 2) {
                break;
            }
            if (marker == 0xEE
                    && length >= 12
                    && at + 15 <= jpeg.length
                    && jpeg[at + 4] == 'A'
                    && jpeg[at + 5] == 'd') {
                return jpeg[at + 15] & 0xFF;
            }
            at += 2 + length;
        }
        return NO_ADOBE;
    }

    /** Samples ImageIO decoded itself: light per channel (inverted), YCCK already undone. */
    static final int DECODED = 0;

    static BufferedImage toRgb(Raster raster, int adobeTransform) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        boolean inverted = adobeTransform != NO_ADOBE;
        int[] p = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(x, y, p);
                if (adobeTransform == 2) {
                    ycc(p);
                }
                int k = inverted ? p[3] : 255 - p[3];
                int r = ink(p[0], k, inverted);
                int g = ink(p[1], k, inverted);
                int b = ink(p[2], k, inverted);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** A channel's light left: (1 - ink) x (1 - black), with ink stored plain or inverted. */
    private static int ink(int stored, int lightOfBlack, boolean inverted) {
        int light = inverted ? stored : 255 - stored;
        return Math.round(light * lightOfBlack / 255f);
    }

    /** YCbCr to the three colour channels in place (the fourth, black, stays). */
    private static void ycc(int[] p) {
        double y = p[0];
        double cb = p[1] - 128.0;
        double cr = p[2] - 128.0;
        p[0] = clamp(y + 1.402 * cr);
        p[1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
        p[2] = clamp(y + 1.772 * cb);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
