package app.qrart.gateway.qr;

import java.awt.image.BufferedImage;

/**
 * Where modules sit on a canvas: the layout QrEncoder.render draws (symbol plus quiet zone filling
 * the canvas, centred). Module coordinates outside 0..width-1 are the quiet zone.
 */
record ModuleGrid(int origin, int module, int width) {

    static ModuleGrid of(BufferedImage image, QrSymbol symbol, QrEncoder encoder) {
        int module = encoder.modulePixels(symbol, image.getWidth());
        return new ModuleGrid((image.getWidth() - module * symbol.width()) / 2, module, symbol.width());
    }

    boolean insideSymbol(int x, int y) {
        int end = origin + module * width;
        return x >= origin && y >= origin && x < end && y < end;
    }

    /** Mean luma of the module's central third, as a reader that has located the code samples it. */
    int centreLuma(BufferedImage image, int mx, int my) {
        int inset = module / 3;
        long sum = 0;
        int count = 0;
        for (int y = origin + my * module + inset; y < origin + (my + 1) * module - inset; y++) {
            for (int x = origin + mx * module + inset; x < origin + (mx + 1) * module - inset; x++) {
                sum += Luma.of(image.getRGB(x, y));
                count++;
            }
        }
        return count == 0 ? Luma.of(image.getRGB(origin + mx * module + module / 2,
                origin + my * module + module / 2)) : (int) (sum / count);
    }

    boolean paint(BufferedImage image, int mx, int my, double share, boolean dark, int darkTarget,
            int lightTarget) {
        double radius = module * share / 2.0;
        double cx = origin + (mx + 0.5) * module;
        double cy = origin + (my + 0.5) * module;
        boolean changed = false;
        for (int y = origin + my * module; y < origin + (my + 1) * module; y++) {
            for (int x = origin + mx * module; x < origin + (mx + 1) * module; x++) {
                boolean inDot = share >= 1.0
                        || Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius;
                if (inDot) {
                    int rgb = image.getRGB(x, y);
                    int fixed = dark ? Luma.darken(rgb, darkTarget) : Luma.lighten(rgb, lightTarget);
                    if (fixed != rgb) {
                        image.setRGB(x, y, fixed);
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }
}
