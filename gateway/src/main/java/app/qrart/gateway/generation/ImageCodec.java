package app.qrart.gateway.generation;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG encoding and decoding, thumbnails and the base64 form TorchServe takes. Images are coded in
 * memory: ImageIO's default streams over plain Java streams cache in temporary files.
 */
public final class ImageCodec {

    private ImageCodec() {}

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The image a PNG (or any format ImageIO reads) holds; null when no reader knows it. */
    public static BufferedImage read(byte[] encoded) {
        try {
            // ImageIO.read closes the stream it is given.
            return ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
