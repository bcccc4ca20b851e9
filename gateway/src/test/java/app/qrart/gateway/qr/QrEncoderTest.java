package app.qrart.gateway.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.api.ApiException;
import app.qrart.gateway.support.QrImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QrEncoderTest {

    @ParameterizedTest
    @ValueSource(ints = {512, 768})
    void controlImageFillsTheCanvasAndReadsBack(int size) {
        QrEncoder encoder = new QrEncoder(QrRepairerTest.qr(10));
        QrSymbol symbol = encoder.encode("https://example.com/ünïcode?x=1&y=é");
        BufferedImage image = encoder.render(symbol, size);
        assertEquals(size, image.getWidth());
        int used = encoder.modulePixels(symbol, size) * (symbol.width() + 8);
        assertTrue(used > size - (symbol.width() + 8), "the code and its quiet zone fill the canvas");
        assertEquals("https://example.com/ünïcode?x=1&y=é", QrImages.decode(image));
        assertEquals(0xffffff, image.getRGB(0, 0) & 0xffffff, "quiet zone is light");
    }

    @Test
    void contentBeyondTheVersionCapIsA400OnContent() {
        QrEncoder encoder = new QrEncoder(QrRepairerTest.qr(2));
        ApiException e = assertThrows(ApiException.class, () -> encoder.encode("x".repeat(200)));
        assertEquals("content", e.field());
        assertEquals(400, e.status());
    }
}
