package app.qrart.engine.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.image.AreaScale;
import app.qrart.engine.testing.ImageIoFiles;
import app.qrart.engine.testing.QrParts;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraSimulatorTest {

    private final QrEncoder encoder = QrParts.encoder(10);

    @Test
    void theSuiteIsDeterministic() {
        QrSymbol symbol = encoder.encode("https://example.com/determinism");
        BufferedImage image = encoder.render(symbol, 512);
        int module = encoder.modulePixels(symbol, 512);
        Map<String, BufferedImage> first = CameraSimulator.variants(image, module);
        Map<String, BufferedImage> second = CameraSimulator.variants(image, module);
        assertEquals(first.keySet(), second.keySet());
        assertEquals(CameraSimulator.VARIANTS, first.size());
        first.forEach((name, variant) -> {
            BufferedImage other = second.get(name);
            for (int y = 0; y < variant.getHeight(); y += 7) {
                for (int x = 0; x < variant.getWidth(); x += 7) {
                    assertEquals(variant.getRGB(x, y), other.getRGB(x, y), name);
                }
            }
        });
        QrVerifier verifier = new QrVerifier();
        assertEquals(
                verifier.robustness(image, "https://example.com/determinism", module),
                verifier.robustness(image, "https://example.com/determinism", module));
    }

    @Test
    void theSuiteMakesItsJpegFramesInMemory() {
        QrSymbol symbol = encoder.encode("https://example.com/in-memory");
        BufferedImage image = encoder.render(symbol, 512);
        int module = encoder.modulePixels(symbol, 512);
        List<String> cached = ImageIoFiles.cachedBy(() -> CameraSimulator.variants(image, module));
        assertEquals(List.of(), cached, "temporary files of the jpeg-30 and print-rephotograph frames");
    }

    @Test
    void aCleanCodeIsRobustAndAFadedOneIsNot() {
        QrSymbol symbol = encoder.encode("https://example.com/robust");
        BufferedImage clean = encoder.render(symbol, 512);
        int module = encoder.modulePixels(symbol, 512);
        QrVerifier verifier = new QrVerifier();
        double robust = verifier.robustness(clean, "https://example.com/robust", module);
        assertTrue(robust >= 0.9, "clean code robustness " + robust);
        BufferedImage faded = QrParts.picture("flat", 1);
        faded.getGraphics().drawImage(AreaScale.shrink(clean, 1.0), 0, 0, null);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                int v = 118 + (faded.getRGB(x, y) & 0xff) / 16;
                faded.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        double weak = verifier.robustness(faded, "https://example.com/robust", module);
        assertTrue(weak < robust, "faded " + weak + " vs clean " + robust);
    }

    @Test
    void thePhoneConditionsAreInTheSuiteAndAPlainCodeSurvivesMostOfThem() {
        QrSymbol symbol = encoder.encode("https://example.com/phone");
        BufferedImage image = encoder.render(symbol, 512);
        int module = encoder.modulePixels(symbol, 512);
        Map<String, java.util.Set<QrDecoder>> readers =
                new QrVerifier().readersByVariant(image, "https://example.com/phone", module, false);
        for (String condition : java.util.List.of(
                "rotate-17", "glare", "shadow", "print-rephotograph", "dot-gain", "low-contrast-3ppm")) {
            assertTrue(readers.containsKey(condition), condition);
            assertTrue(
                    readers.get(condition).contains(QrDecoder.WECHAT), "WeChat reads a plain code under " + condition);
        }
    }

    @Test
    void framesAreTheSuitesVariantsOfTheNamedConditionsWithTheirScales() {
        QrSymbol symbol = encoder.encode("https://example.com/frames");
        BufferedImage image = encoder.render(symbol, 1024);
        int module = encoder.modulePixels(symbol, 1024);
        Map<String, BufferedImage> variants = CameraSimulator.variants(image, module);
        var frames = CameraSimulator.frames(
                image, module, java.util.List.of(CameraCondition.DOT_GAIN, CameraCondition.DOWNSCALE_3PPM));
        assertEquals(
                java.util.List.of("downscale-3ppm", "dot-gain"),
                frames.stream().map(f -> f.condition().label()).toList());
        for (CameraSimulator.Frame frame : frames) {
            BufferedImage variant = variants.get(frame.condition().label());
            assertEquals(variant.getWidth(), frame.image().getWidth());
            assertEquals((double) variant.getWidth() / image.getWidth(), frame.scaleX(), 1e-9);
            assertEquals(
                    variant.getRGB(variant.getWidth() / 2, 40), frame.image().getRGB(variant.getWidth() / 2, 40));
        }
        assertEquals(3.0 / module, frames.get(0).scaleX(), 0.01);
        assertEquals(CameraSimulator.VARIANTS, CameraSimulator.conditions().size());
    }

    @Test
    void aLargeImageIsSampledAtEightPixelsPerModuleAtMost() {
        QrSymbol symbol = encoder.encode("https://example.com/large");
        BufferedImage large = encoder.render(symbol, 1024);
        int module = encoder.modulePixels(symbol, 1024);
        BufferedImage blurred = CameraSimulator.variants(large, module).get("gaussian-blur");
        int expected = (int) Math.round(large.getWidth() * CameraSimulator.FINEST_MODULE_PIXELS / module);
        assertEquals(expected, blurred.getWidth());
    }

    @Test
    void aDistantCameraAveragesDetailFinerThanItsPixels() {
        BufferedImage checkerboard = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                checkerboard.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0);
            }
        }
        BufferedImage far = AreaScale.shrink(checkerboard, 0.3);
        assertEquals(120, far.getWidth());
        for (int y = 0; y < far.getHeight(); y += 13) {
            for (int x = 0; x < far.getWidth(); x += 11) {
                int grey = far.getRGB(x, y) & 0xff;
                assertTrue(Math.abs(grey - 128) <= 26, "pixel " + x + "," + y + " is " + grey);
            }
        }
    }
}
