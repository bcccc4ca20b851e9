package app.qrart.gateway.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.config.UploadConfig;
import app.qrart.gateway.picture.PictureRejectedException.Reason;
import app.qrart.gateway.support.Configs;
import app.qrart.gateway.support.Uploads;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** Uploads as people (and attackers) send them, every picture made here in code. */
class PictureDecoderTest {

    private static final PictureDecoder DECODER = new PictureDecoder(Configs.of(UploadConfig.class, Map.of()));

    private static BufferedImage halves(int w, int h, int left, int right) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, x < w / 2 ? left : right);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    private static Reason refused(byte[] bytes, String type, String name) {
        return assertThrows(PictureRejectedException.class, () -> DECODER.decode(bytes, type, name))
                .reason();
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    @Test
    void aPngComesBackAsItWas() throws IOException {
        BufferedImage image = halves(64, 48, 0xFF0000, 0x0000FF);
        DecodedPicture decoded = DECODER.decode(encode(image, "png"), "image/png", "halves.png");
        assertEquals("png", decoded.format());
        assertEquals(64, decoded.image().getWidth());
        assertEquals(0xFF0000, decoded.image().getRGB(3, 3) & 0xFFFFFF);
    }

    @Test
    void exifOrientationSixIsTurnedUpright() throws IOException {
        byte[] jpeg = encode(halves(60, 40, 0xFF0000, 0x0000FF), "jpeg");
        DecodedPicture decoded = DECODER.decode(withOrientation(jpeg, 6), "image/jpeg", "phone.jpg");
        assertEquals(6, decoded.orientation());
        assertEquals(40, decoded.image().getWidth());
        assertEquals(60, decoded.image().getHeight());
        assertTrue(red(decoded.image().getRGB(20, 5)) > 200, "the left half turns to the top");
        assertTrue(blue(decoded.image().getRGB(20, 55)) > 200, "the right half turns to the bottom");
    }

    @Test
    void aCmykJpegIsConvertedToRgb() throws IOException {
        WritableRaster cmyk = WritableRaster.createInterleavedRaster(0, 32, 32, 4, null);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                cmyk.setPixel(x, y, new int[] {0, 255, 255, 0});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(cmyk, null, null), null);
        }
        int rgb = DECODER.decode(out.toByteArray(), null, null).image().getRGB(16, 16);
        assertTrue(
                red(rgb) > 200 && blue(rgb) < 60,
                "cyan 0, magenta and yellow full is red: " + Integer.toHexString(rgb));
    }

    /** Adobe's writers store every CMYK channel inverted; YCCK (transform 2) is YCbCr plus black. */
    @Test
    void adobeCmykAndYcckSamplesAreConverted() {
        WritableRaster inverted = WritableRaster.createInterleavedRaster(0, 1, 1, 4, null);
        inverted.setPixel(0, 0, new int[] {255, 0, 0, 255});
        assertEquals(0xFF0000, CmykJpeg.toRgb(inverted, 0).getRGB(0, 0) & 0xFFFFFF);
        WritableRaster ycck = WritableRaster.createInterleavedRaster(0, 1, 1, 4, null);
        ycck.setPixel(0, 0, new int[] {255, 128, 128, 255});
        assertEquals(0xFFFFFF, CmykJpeg.toRgb(ycck, 2).getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void sixteenBitPaletteAndTransparentPngsAreFlattenedOnWhite() throws IOException {
        BufferedImage deep = new BufferedImage(16, 16, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 65535);
        assertEquals(
                0xFFFFFF,
                DECODER.decode(encode(deep, "png"), "image/png", "deep.png")
                                .image()
                                .getRGB(0, 0)
                        & 0xFFFFFF);
        BufferedImage palette = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_INDEXED);
        assertEquals(
                0, DECODER.decode(encode(palette, "png"), null, null).image().getRGB(0, 0) & 0xFFFFFF);
        BufferedImage clear = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        DecodedPicture flattened = DECODER.decode(encode(clear, "png"), null, "clear.png");
        assertTrue(flattened.flattened());
        assertEquals(0xFFFFFF, flattened.image().getRGB(5, 5) & 0xFFFFFF);
    }

    @Test
    void anAnimatedGifGivesItsFirstFrame() throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(halves(16, 16, 0xFF0000, 0xFF0000), null, null), null);
            writer.writeToSequence(new IIOImage(halves(16, 16, 0x0000FF, 0x0000FF), null, null), null);
            writer.endWriteSequence();
        }
        DecodedPicture decoded = DECODER.decode(out.toByteArray(), "image/gif", "anim.gif");
        assertEquals(2, decoded.frames());
        assertTrue(red(decoded.image().getRGB(8, 8)) > 200);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        assertEquals(Reason.TOO_MANY_PIXELS, refused(Uploads.pngHeaderOnly(50_000, 50_000), "image/png", "bomb.png"));
    }

    @Test
    void notAPictureMislabelledTooLargeAndBrokenFilesAreRefused() throws IOException {
        byte[] png = encode(halves(64, 64, 0xFF0000, 0x00FF00), "png");
        assertEquals(
                Reason.NOT_AN_IMAGE,
                refused("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(), "image/svg+xml", "x.svg"));
        assertEquals(Reason.NOT_AN_IMAGE, refused(new byte[0], null, null));
        assertEquals(Reason.MISLABELLED, refused(png, "image/jpeg", "x.png"));
        assertEquals(Reason.MISLABELLED, refused(png, "application/octet-stream", "photo.jpg"));
        assertEquals(Reason.UNREADABLE, refused(Arrays.copyOf(png, png.length / 2), "image/png", "cut.png"));
        BufferedImage noise = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int i = 0; i < 256 * 256; i++) {
            noise.setRGB(i % 256, i / 256, random.nextInt());
        }
        PictureDecoder small =
                new PictureDecoder(Configs.of(UploadConfig.class, Map.of("qrart.uploads.max-image-bytes", "1000")));
        byte[] large = encode(noise, "png");
        assertEquals(
                Reason.TOO_MANY_BYTES,
                assertThrows(PictureRejectedException.class, () -> small.decode(large, null, null))
                        .reason());
    }

    @Test
    void orientationIsReadFromExifAndAbsentMeansUpright() throws IOException {
        byte[] jpeg = encode(halves(8, 8, 0, 0), "jpeg");
        assertEquals(8, ExifOrientation.of(withOrientation(jpeg, 8)));
        assertEquals(1, ExifOrientation.of(jpeg));
        assertEquals(3, ExifOrientation.of(withOrientation(jpeg, 3)));
    }

    /** The JPEG with an APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) after its SOI. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        byte[] body = tiff.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = 2 + 6 + body.length;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
