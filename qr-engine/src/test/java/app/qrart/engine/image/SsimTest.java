package app.qrart.engine.image;

import static app.qrart.engine.image.LumaTest.noise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SsimTest {

    @Test
    void ssimIsOneForAnImageAndItselfLowerForAnotherAndRefusesTwoSizes() {
        BufferedImage a = noise(BufferedImage.TYPE_INT_RGB, 64, 48, 4);
        assertEquals(1.0, Ssim.of(a, a), 1e-12);
        assertEquals(1.0, Ssim.of(a, RgbImages.copy(a)), 1e-12);
        double other = Ssim.of(a, noise(BufferedImage.TYPE_INT_RGB, 64, 48, 5));
        assertEquals(0.0, other, 0.1, "two independent noises share almost no structure");
        assertThrows(IllegalArgumentException.class, () -> Ssim.of(a, noise(BufferedImage.TYPE_INT_RGB, 64, 40, 6)));
    }
}
