package app.qrart.gateway.job;

import app.qrart.engine.image.ImageBytes;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Base64;
import javax.imageio.ImageIO;

/** PNG encoding and decoding (in memory, {@link ImageBytes}), thumbnails and the base64 form TorchServe takes. */
public final class ImageCodec {

    private ImageCodec() {}

    public static byte[] png(BufferedImage image) {
        return ImageBytes.write(
                image, ImageIO.getImageWritersByFormatName("png").next(), null);
    }

    /** The image a PNG (or any format ImageIO reads) holds; null when no reader knows it. */
    public static BufferedImage read(byte[] encoded) {
        return ImageBytes.read(encoded);
    }

    public static String base64Png(BufferedImage image) {
        return Base64.getEncoder().encodeToString(png(image));
    }

    public static BufferedImage thumbnail(BufferedImage image, int side) {
        BufferedImage thumb = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, side, side, null);
        g.dispose();
        return thumb;
    }
}
