package app.qrart.engine.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Crops, scales and pastes pictures (opaque RGB in, opaque RGB out). */
public final class PictureCanvas {

    private PictureCanvas() {}

    /** The largest centred square of the picture. */
    public static BufferedImage centreSquare(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        return copy(image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side));
    }

    /** The centred square of the given side (at most the shorter side). */
    public static BufferedImage centreSquare(BufferedImage image, int side) {
        return copy(image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side));
    }

    /** The picture scaled down (never up) so its longer side is at most {@code maxSide}. */
    public static BufferedImage fitWithin(BufferedImage image, int maxSide) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / longer;
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** A copy of the picture with the square drawn over its centre. */
    public static BufferedImage withCentre(BufferedImage image, BufferedImage square) {
        BufferedImage out = copy(image);
        Graphics2D g = out.createGraphics();
        g.drawImage(
                square, (image.getWidth() - square.getWidth()) / 2, (image.getHeight() - square.getHeight()) / 2, null);
        g.dispose();
        return out;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
