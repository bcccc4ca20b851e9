package app.qrart.gateway.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.qrart.engine.image.Luma;
import app.qrart.engine.testing.ImageIoFiles;
import app.qrart.engine.testing.QrParts;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ImageCodecTest {

    @Test
    void aPngComesBackPixelForPixelAndLeavesNoFiles() {
        BufferedImage picture = QrParts.picture("photo", 7);
        AtomicReference<BufferedImage> back = new AtomicReference<>();
        List<String> cached = ImageIoFiles.cachedBy(() -> back.set(ImageCodec.read(ImageCodec.png(picture))));
        assertEquals(List.of(), cached);
        assertEquals(picture.getWidth(), back.get().getWidth());
        assertArrayEquals(rgb(picture), rgb(back.get()));
    }

    /** The colour of every pixel, without the alpha a decoder may add. */
    private static int[] rgb(BufferedImage image) {
        return Arrays.stream(Luma.pixels(image)).map(p -> p & 0xffffff).toArray();
    }

    @Test
    void bytesNoReaderKnowsAreNoImage() {
        assertNull(ImageCodec.read("not an image".getBytes(StandardCharsets.UTF_8)));
    }
}
