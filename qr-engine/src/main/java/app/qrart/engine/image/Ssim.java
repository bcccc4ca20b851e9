package app.qrart.engine.image;

import java.awt.image.BufferedImage;

/** Structural similarity of two same-size images on luminance, 8x8 windows with stride 4. */
public final class Ssim {

    private static final int WINDOW = 8;
    private static final int STRIDE = 4;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    private Ssim() {}

    public static double of(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("SSIM compares images of one size");
        }
        int width = a.getWidth();
        int[] lumaA = lumas(a);
        int[] lumaB = lumas(b);
        double total = 0;
        int windows = 0;
        for (int y = 0; y + WINDOW <= a.getHeight(); y += STRIDE) {
            for (int x = 0; x + WINDOW <= width; x += STRIDE) {
                total += window(lumaA, lumaB, width, x, y);
                windows++;
            }
        }
        return windows == 0 ? 1.0 : total / windows;
    }

    private static int[] lumas(BufferedImage image) {
        int[] rgb = Luma.pixels(image);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = Luma.of(rgb[i]);
        }
        return rgb;
    }

    private static double window(int[] a, int[] b, int width, int x0, int y0) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int n = WINDOW * WINDOW;
        for (int y = y0; y < y0 + WINDOW; y++) {
            for (int x = x0; x < x0 + WINDOW; x++) {
                double va = a[y * width + x];
                double vb = b[y * width + x];
                sa += va;
                sb += vb;
                saa += va * va;
                sbb += vb * vb;
                sab += va * vb;
            }
        }
        double ma = sa / n;
        double mb = sb / n;
        double varA = saa / n - ma * ma;
        double varB = sbb / n - mb * mb;
        double cov = sab / n - ma * mb;
        return ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (varA + varB + C2));
    }
}
