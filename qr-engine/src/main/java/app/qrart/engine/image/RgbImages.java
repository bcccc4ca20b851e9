package app.qrart.engine.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Opaque RGB copies of images, the form every step of the scan path works on. */
public final class RgbImages {

    private RgbImages() {}

    /** A copy of the image as opaque RGB. */
    public static BufferedImage copy(BufferedImage source) {
        return onWhite(source, 0);
    }

    /**
     * The image on white with a white border of {@code border} pixels per side, as opaque RGB (a
     * transparent pixel becomes white).
     */
    public static BufferedImage onWhite(BufferedImage source, int border) {
        BufferedImage out = new BufferedImage(
                source.getWidth() + 2 * border, source.getHeight() + 2 * border, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(source, border, border, null);
        g.dispose();
        return out;
    }
}
