package app.qrart.engine.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Images coded to and from bytes in memory: ImageIO's default streams over plain Java streams
 * cache in temporary files.
 */
public final class ImageBytes {

    private ImageBytes() {}

    /** The image a file format ImageIO reads holds; null when no reader knows the bytes. */
    public static BufferedImage read(byte[] encoded) {
        try {
            // ImageIO.read closes the stream it is given.
            return ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image as the writer codes it with these parameters (null: its defaults); the writer is disposed. */
    public static byte[] write(BufferedImage image, ImageWriter writer, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
