package app.qrart.engine.image;

import java.awt.image.BufferedImage;

/**
 * A camera rotated about the vertical axis (the far edge shrinks, as a pinhole projection does),
 * or about its own axis (a phone held askew).
 */
public final class Perspective {

    // Focal length in half-widths: about a 37 degree field of view, like a phone camera.
    private static final double FOCAL = 3.0;
    // Wide enough that a 40 degree tilt keeps the whole picture in frame, as a camera framing a code would.
    private static final double ZOOM_OUT = 1.4;
    private static final int BACKGROUND = 0xdddddd;

    private Perspective() {}

    public static BufferedImage tilt(BufferedImage image, double degrees) {
        int w = image.getWidth();
        int h = image.getHeight();
        double angle = Math.toRadians(degrees);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        int[] source = Luma.pixels(image);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] target = Luma.backingRgb(out);
        // Output pixel → ray → point on the rotated plane → source pixel (inverse mapping). The
        // plane's point across and its depth depend on the column only.
        int[] sourceX = new int[w];
        double[] depths = new double[w];
        for (int x = 0; x < w; x++) {
            double u = ZOOM_OUT * (x - w / 2.0) / (w / 2.0);
            double s = u * FOCAL / (FOCAL * cos - u * sin);
            depths[x] = FOCAL + s * sin;
            sourceX[x] = (int) Math.round(s * w / 2.0 + w / 2.0);
        }
        for (int y = 0; y < h; y++) {
            double v = ZOOM_OUT * (y - h / 2.0) / (h / 2.0);
            for (int x = 0; x < w; x++) {
                double depth = depths[x];
                double t = v * depth / FOCAL;
                int sx = sourceX[x];
                int sy = (int) Math.round(t * h / 2.0 + h / 2.0);
                boolean inside = sx >= 0 && sy >= 0 && sx < w && sy < h && depth > 0;
                target[y * w + x] = inside ? source[sy * w + sx] & 0xffffff : BACKGROUND;
            }
        }
        return out;
    }

    /**
     * The image turned by the angle about its centre on a frame large enough to hold all of it,
     * the corners filled with the background (bilinear sampling, as a camera's optics blur).
     */
    public static BufferedImage rotate(BufferedImage image, double degrees) {
        double angle = Math.toRadians(degrees);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        int w = image.getWidth();
        int h = image.getHeight();
        int side =
                (int) Math.ceil(Math.max(w * Math.abs(cos) + h * Math.abs(sin), w * Math.abs(sin) + h * Math.abs(cos)));
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(new java.awt.Color(BACKGROUND));
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(angle, side / 2.0, side / 2.0);
        g.drawImage(image, (side - w) / 2, (side - h) / 2, null);
        g.dispose();
        return out;
    }
}
