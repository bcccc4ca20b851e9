package app.qrart.engine.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrParts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** WeChat's phone reader, loaded natively in the test JVM as in the gateway. */
class WeChatQrDecoderTest {

    private final QrEncoder encoder = QrParts.encoder(40);

    private BufferedImage plain(String content) {
        QrSymbol symbol = encoder.encode(content);
        return encoder.render(symbol, 400);
    }

    @Test
    void itReadsAPlainCodeExactlyUtf8Included() {
        assertEquals(
                List.of("https://example.com/wechat"), WeChatQrDecoder.decode(plain("https://example.com/wechat")));
        assertTrue(WeChatQrDecoder.reads(plain("Grüße, 你好 ✓"), "Grüße, 你好 ✓"));
    }

    @Test
    void itRefusesABrokenCodeAndAPictureWithNone() {
        BufferedImage broken = plain("https://example.com/broken");
        var g = broken.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.fillRect(200, 200, 200, 200);
        g.dispose();
        assertEquals(List.of(), WeChatQrDecoder.decode(broken));
        assertEquals(List.of(), WeChatQrDecoder.decode(new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB)));
        assertFalse(WeChatQrDecoder.reads(plain("https://example.com/a"), "https://example.com/b"));
    }

    /**
     * Codes it reads and codes it fails (a failure runs every one of its binarizers, the one
     * with global state included) decoded from eight threads at once, as concurrent scan paths do.
     */
    @Test
    void decodesFromManyThreadsAtOnceAgreeWithOneThread() throws Exception {
        BufferedImage readable = plain("https://example.com/threads");
        BufferedImage broken = plain("https://example.com/threads");
        var g = broken.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.dispose();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> reads = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                BufferedImage image = i % 2 == 0 ? readable : broken;
                reads.add(threads.submit(() -> WeChatQrDecoder.reads(image, "https://example.com/threads")));
            }
            for (int i = 0; i < reads.size(); i++) {
                assertEquals(i % 2 == 0, reads.get(i).get(30, TimeUnit.SECONDS), "decode " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theGateNeedsEveryReaderAndNamesThemInOrder() {
        BufferedImage image = plain("https://example.com/gate");
        for (QrDecoder decoder : QrDecoder.values()) {
            assertTrue(decoder.reads(image, "https://example.com/gate"), decoder.name());
        }
        assertTrue(new QrVerifier().readsExactly(image, "https://example.com/gate"));
        assertEquals(List.of(QrDecoder.ZXING, QrDecoder.WECHAT, QrDecoder.BOOFCV), List.of(QrDecoder.values()));
    }
}
