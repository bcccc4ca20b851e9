package app.qrart.engine.analysis;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.image.Homography;
import app.qrart.engine.image.Luma;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Where modules sit in an image: a projective map from module coordinates (0,0 is the symbol's
 * top-left corner, width,width its bottom-right) to pixels. A rendered canvas is the axis-aligned
 * case ({@link #of}); a located code in a picture or photo is the general one ({@link #fromCorners}).
 * Module coordinates outside 0..width-1 are the quiet zone.
 */
public final class ModuleGrid {

    private final double[] toPixel;
    private final double[] toModule;
    private final int width;
    private final double modulePixels;

    private ModuleGrid(double[] toPixel, int width) {
        this.toPixel = toPixel;
        this.toModule = Homography.invert(toPixel);
        this.width = width;
        double c = width / 2.0;
        double[] a = pixel(c, c);
        double[] b = pixel(c + 1, c);
        double[] d = pixel(c, c + 1);
        this.modulePixels = (Math.hypot(b[0] - a[0], b[1] - a[1]) + Math.hypot(d[0] - a[0], d[1] - a[1])) / 2;
    }

    /** The layout QrEncoder.render draws: symbol plus quiet zone filling the canvas, centred. */
    public static ModuleGrid of(BufferedImage image, QrSymbol symbol, QrEncoder encoder) {
        int module = encoder.modulePixels(symbol, image.getWidth());
        int origin = (image.getWidth() - module * symbol.width()) / 2;
        return axisAligned(origin, origin, module, symbol.width());
    }

    public static ModuleGrid axisAligned(double x0, double y0, double module, int width) {
        return new ModuleGrid(new double[] {module, 0, x0, 0, module, y0, 0, 0, 1}, width);
    }

    /** The symbol's outer corners, clockwise from top-left (x, y pairs). */
    public static ModuleGrid fromCorners(int width, double[] corners) {
        double[] square = {0, 0, width, 0, width, width, 0, width};
        return new ModuleGrid(Homography.fromPoints(square, corners), width);
    }

    /** From module-space points (x, y pairs) seen at the given pixels (four pairs). */
    public static ModuleGrid fromPoints(int width, double[] modulePoints, double[] pixelPoints) {
        return new ModuleGrid(Homography.fromPoints(modulePoints, pixelPoints), width);
    }

    public int width() {
        return width;
    }

    /** The same grid on a canvas whose origin moved by (dx, dy) pixels. */
    public ModuleGrid shifted(double dx, double dy) {
        double[] h = toPixel;
        return new ModuleGrid(
                new double[] {
                    h[0] + dx * h[6],
                    h[1] + dx * h[7],
                    h[2] + dx * h[8],
                    h[3] + dy * h[6],
                    h[4] + dy * h[7],
                    h[5] + dy * h[8],
                    h[6],
                    h[7],
                    h[8]
                },
                width);
    }

    /** Whether the given ring of modules around the symbol (1: the one just outside) leaves the image somewhere. */
    public boolean ringOffImage(int ring, int imageWidth, int imageHeight) {
        double near = -ring + 0.5;
        double far = width + ring - 0.5;
        for (int i = -ring; i < width + ring; i++) {
            double along = i + 0.5;
            for (double[] m : new double[][] {{along, near}, {along, far}, {near, along}, {far, along}}) {
                double[] p = pixel(m[0], m[1]);
                if (p[0] < 0 || p[1] < 0 || p[0] >= imageWidth || p[1] >= imageHeight) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Mean side of a module in pixels, at the symbol's centre. */
    public double modulePixels() {
        return modulePixels;
    }

    boolean insideSymbol(int x, int y) {
        double[] m = module(x + 0.5, y + 0.5);
        return m[0] >= 0 && m[1] >= 0 && m[0] < width && m[1] < width;
    }

    /** Mean luma of the module's central third, as a reader that has located the code samples it. */
    int centreLuma(LumaPlane image, int mx, int my) {
        return meanLuma(image, mx, my, 1.0 / 3);
    }

    /** Mean luma of the central square of the module whose side is the given share of the module's. */
    int meanLuma(LumaPlane image, int mx, int my, double share) {
        int[] samples = samples(image, mx, my, share);
        return samples.length == 0
                ? 255
                : (int) (Arrays.stream(samples).asLongStream().sum() / samples.length);
    }

    /** Luma at about one point per pixel over the central square of the given share of the module. */
    int[] samples(LumaPlane image, int mx, int my, double share) {
        int[] pixels = samplePixels(image.width(), image.height(), mx, my, share);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = image.at(pixels[i] % image.width(), pixels[i] / image.width());
        }
        return pixels;
    }

    /** Pixels (y * imageWidth + x) at about one point per pixel over the central square of the given share. */
    public int[] samplePixels(int imageWidth, int imageHeight, int mx, int my, double share) {
        int points = (int) Math.max(1, Math.round(modulePixels() * share));
        double start = (1 - share) / 2;
        int[] out = new int[points * points];
        int count = 0;
        for (int j = 0; j < points; j++) {
            for (int i = 0; i < points; i++) {
                double[] p = pixel(mx + start + share * (i + 0.5) / points, my + start + share * (j + 0.5) / points);
                int x = (int) Math.floor(p[0]);
                int y = (int) Math.floor(p[1]);
                if (x >= 0 && y >= 0 && x < imageWidth && y < imageHeight) {
                    out[count++] = y * imageWidth + x;
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * Pushes a round dot at the module's centre to the target luminance, hue kept; the dot's outer
     * fifth fades into the picture. A full module (share 1, for function patterns) may also be
     * flattened: texture beyond the target is compressed, since local binarizers split textured
     * regions at their own mean (it costs pixels that already read right).
     */
    public boolean paint(
            BufferedImage image,
            int mx,
            int my,
            double share,
            boolean dark,
            int darkTarget,
            int lightTarget,
            boolean flatten) {
        int[] box = pixelBox(image, mx, my);
        double radius = share / 2.0;
        double feather = share >= 1.0 ? 0 : radius / 5;
        boolean changed = false;
        int[] backing = Luma.backingRgb(image);
        int width = image.getWidth();
        for (int y = box[1]; y <= box[3]; y++) {
            for (int x = box[0]; x <= box[2]; x++) {
                double[] m = module(x + 0.5, y + 0.5);
                double du = m[0] - (mx + 0.5);
                double dv = m[1] - (my + 0.5);
                double weight = share >= 1.0
                        ? (Math.abs(du) <= 0.5 && Math.abs(dv) <= 0.5 ? 1 : 0)
                        : Math.min(1, Math.max(0, (radius - Math.hypot(du, dv)) / Math.max(feather, 1e-9)));
                if (weight > 0) {
                    // As getRGB gives it: opaque.
                    int rgb = backing != null ? backing[y * width + x] | 0xff000000 : image.getRGB(x, y);
                    int target = share >= 1.0 && flatten
                            ? Luma.flatten(rgb, dark ? darkTarget : lightTarget, dark)
                            : dark ? Luma.darken(rgb, darkTarget) : Luma.lighten(rgb, lightTarget);
                    int fixed = weight >= 1 ? target : Luma.blend(rgb, target, weight);
                    if (fixed != rgb) {
                        if (backing != null) {
                            backing[y * width + x] = fixed & 0xffffff;
                        } else {
                            image.setRGB(x, y, fixed);
                        }
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    private int[] pixelBox(BufferedImage image, int mx, int my) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double[] p = pixel(mx + (corner & 1), my + (corner >> 1));
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        return new int[] {
            Math.max(0, (int) Math.floor(minX)), Math.max(0, (int) Math.floor(minY)),
            Math.min(image.getWidth() - 1, (int) Math.ceil(maxX)),
                    Math.min(image.getHeight() - 1, (int) Math.ceil(maxY))
        };
    }

    public double[] pixel(double u, double v) {
        return Homography.apply(toPixel, u, v);
    }

    double[] module(double x, double y) {
        return Homography.apply(toModule, x, y);
    }
}
