package app.qrart.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The raster shortcuts give what the colour model would. */
class LumaTest {

    static BufferedImage noise(int type, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static int[] viaColourModel(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void pixelsOfAJpegShapedImageAreWhatGetRgbGives() {
        BufferedImage bgr = noise(BufferedImage.TYPE_3BYTE_BGR, 37, 23, 1);
        assertArrayEquals(viaColourModel(bgr), Luma.pixels(bgr));
    }

    @Test
    void pixelsOfAnRgbImageAndOfAPartOfOneCarryTheSameChannels() {
        BufferedImage rgb = noise(BufferedImage.TYPE_INT_RGB, 40, 30, 2);
        int[] expected = viaColourModel(rgb);
        int[] pixels = Luma.pixels(rgb);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] & 0xffffff, pixels[i] & 0xffffff);
        }
        BufferedImage part = rgb.getSubimage(5, 5, 20, 10);
        assertNull(Luma.backingRgb(part), "a sub-image shares a larger raster");
        assertArrayEquals(viaColourModel(part), Luma.pixels(part));
    }

    @Test
    void writingTheBackingArrayChangesTheImage() {
        BufferedImage rgb = noise(BufferedImage.TYPE_INT_RGB, 8, 8, 3);
        int[] backing = Luma.backingRgb(rgb);
        assertNotNull(backing);
        backing[9] = 0x123456;
        assertEquals(0x123456, rgb.getRGB(1, 1) & 0xffffff);
    }
}
