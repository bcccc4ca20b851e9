package app.qrart.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.image.Luma;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Repainting a whole module: pixels already past the target keep their texture unless flattened. */
class ModuleGridTest {

    private static final int DARK_TARGET = 60;

    @Test
    void anUnflattenedRepaintMovesOnlyThePixelsOnTheWrongSideOfTheTarget() {
        BufferedImage image = stripes();
        ModuleGrid.axisAligned(0, 0, 10, 1).paint(image, 0, 0, 1.0, true, DARK_TARGET, 200, false);
        assertEquals(
                0x141414, image.getRGB(0, 0) & 0xffffff, "a pixel already darker than the target is left as it was");
        assertTrue(Luma.of(image.getRGB(1, 0)) <= DARK_TARGET, "a light pixel is pushed to the target");
    }

    @Test
    void aFlattenedRepaintAlsoCompressesTextureBeyondTheTarget() {
        BufferedImage image = stripes();
        ModuleGrid.axisAligned(0, 0, 10, 1).paint(image, 0, 0, 1.0, true, DARK_TARGET, 200, true);
        int darkest = Luma.of(image.getRGB(0, 0));
        assertTrue(darkest > 0x14 && darkest <= DARK_TARGET, "texture squeezed toward the target: " + darkest);
        assertTrue(Luma.of(image.getRGB(1, 0)) <= DARK_TARGET);
    }

    /** One 10 x 10 module of alternating near-black and light columns. */
    private static BufferedImage stripes() {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                image.setRGB(x, y, x % 2 == 0 ? 0x141414 : 0xc8c8c8);
            }
        }
        return image;
    }
}
