package app.qrart.engine.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.testing.QrImages;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.BoofQrDecoder;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrEncoderTest {

    @ParameterizedTest
    @ValueSource(ints = {512, 768})
    void controlImageFillsTheCanvasAndReadsBack(int size) {
        QrEncoder encoder = QrParts.encoder(10);
        QrSymbol symbol = encoder.encode("https://example.com/ünïcode?x=1&y=✓");
        BufferedImage image = encoder.render(symbol, size);
        assertEquals(size, image.getWidth());
        int used = encoder.modulePixels(symbol, size) * (symbol.width() + 8);
        assertTrue(used > size - (symbol.width() + 8), "the code and its quiet zone fill the canvas");
        assertEquals("https://example.com/ünïcode?x=1&y=✓", QrImages.decode(image));
        assertEquals(0xffffff, image.getRGB(0, 0) & 0xffffff, "quiet zone is light");
    }

    @Test
    void contentBeyondTheVersionCapIsRefusedAsTooLong() {
        QrEncoder encoder = QrParts.encoder(2);
        ContentTooLongException e = assertThrows(ContentTooLongException.class, () -> encoder.encode("x".repeat(200)));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void boofCvReadsTheControlImageIndependently() {
        QrEncoder encoder = QrParts.encoder(10);
        BufferedImage image = encoder.render(encoder.encode("https://example.com/boof"), 512);
        assertEquals("https://example.com/boof", BoofQrDecoder.decode(image).orElse(null));
        // ZXing's own mask choice for this payload leaves a pattern its detector trips on;
        // the encoder picked another mask, so ZXing reads the clean code too.
        assertEquals("https://example.com/boof", QrImages.decode(image));
        assertTrue(new QrVerifier().readsExactly(image, "https://example.com/boof"));
        assertTrue(BoofQrDecoder.decode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB))
                .isEmpty());
    }
}
