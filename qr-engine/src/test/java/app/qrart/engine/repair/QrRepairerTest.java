package app.qrart.engine.repair;

import static app.qrart.engine.testing.QrParts.picture;
import static app.qrart.engine.testing.QrParts.repairer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrImages;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.QrVerifier;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Repair turns noise, flat images and a gradient into codes that read exactly, within the cap. */
class QrRepairerTest {

    @ParameterizedTest
    @ValueSource(strings = {"noise", "flat", "gradient"})
    void repairMakesAnyPictureReadAsItsPayload(String kind) {
        Random random = new Random(kind.hashCode());
        for (int trial = 0; trial < 3; trial++) {
            String payload = "https://qr.art/" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)
                    + "x".repeat(random.nextInt(60));
            QrSymbol symbol = QrParts.encoder(40).encode(payload);
            Repair repair = repairer(0.75).repair(picture(kind, trial), symbol);
            assertNotNull(repair.image(), kind + " version " + symbol.version());
            assertEquals(payload, QrImages.decode(repair.image()));
            assertTrue(repair.pixelsChangedShare() <= 0.75);
            assertTrue(repair.modulesTouched() > 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"noise", "flat"})
    void aCodeNoRepairWithinTheCapCanSaveIsReportedAsFailed(String kind) {
        QrSymbol symbol = QrParts.encoder(40).encode("https://example.com/capped");
        Repair repair = repairer(0.001).repair(picture(kind, 1), symbol);
        assertNull(repair.image());
        assertFalse(new QrVerifier().readsExactly(picture(kind, 1), "https://example.com/capped"));
    }
}
