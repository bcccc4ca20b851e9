package app.qrart.engine.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.analysis.ScanAnalyzer;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.QrVerifier;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The symbol chosen for a picture is the one it needs the least change for, and the result passes the gate. */
class PictureEmbedderTest {

    private static final QrVerifier VERIFIER = new QrVerifier();
    private static final QrEncoder ENCODER = QrParts.encoder(40);
    private static final PictureEmbedder EMBEDDER =
            new PictureEmbedder(ENCODER, new ScanAnalyzer(ENCODER), QrParts.gate(0.15));

    @Test
    void aPictureThatAlreadyShowsOneOfTheSymbolsGetsThatSymbol() {
        String content = "https://qr.art/embed";
        for (QrSymbol drawn :
                ENCODER.alternatives(content, ErrorCorrectionLevel.M, 1).subList(3, 12)) {
            if (!ENCODER.readsBack(drawn)) {
                continue;
            }
            QrSymbol chosen = EMBEDDER.nearest(ENCODER.render(drawn, 512), content, ErrorCorrectionLevel.M, 1);
            assertEquals(drawn.version(), chosen.version());
            assertEquals(drawn.mask(), chosen.mask());
        }
    }

    @Test
    void aPhotoCarriesTheContentAndEveryReaderReadsIt() {
        String content = "https://qr.art/your-picture";
        BufferedImage photo = QrParts.picture("photo", 3);
        PictureEmbedder.Embedding embedding =
                EMBEDDER.embed(photo, content, ErrorCorrectionLevel.H, 2, ScanStrength.BALANCED);
        assertTrue(embedding.delivery().isPresent());
        BufferedImage delivered = embedding.delivery().get().image();
        assertTrue(VERIFIER.readsExactly(delivered, content));
        assertEquals("H", embedding.symbol().errorCorrection());
        assertTrue(embedding.delivery().get().report().pixelsChangedShare() < 0.6);
    }
}
