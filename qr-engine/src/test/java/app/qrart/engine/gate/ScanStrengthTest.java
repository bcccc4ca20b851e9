package app.qrart.engine.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property tests of the gate at each strength: for random payloads over noise, flat, gradient and
 * photo-like pictures, every delivery reads with all three readers, and its report says honestly
 * whether the strength's relative robustness target was reached.
 */
class ScanStrengthTest {

    private static final ScanGate GATE = QrParts.gate(0.75);
    private static final QrVerifier VERIFIER = new QrVerifier();
    private static final QrEncoder ENCODER = QrParts.encoder(40);

    @ParameterizedTest
    @CsvSource({
        "artistic, noise, 1",
        "artistic, photo, 2",
        "balanced, gradient, 3",
        "balanced, flat, 4",
        "balanced, photo, 5",
        "robust, noise, 6",
        "robust, photo, 7"
    })
    void everyDeliveryPassesTheGateAndReportsItsTargetHonestly(String strengthName, String picture, long seed) {
        ScanStrength strength = ScanStrength.fromApiName(strengthName).orElseThrow();
        String content = randomPayload(new Random(seed));
        QrSymbol symbol = ENCODER.encode(content);
        Optional<ScanGate.Delivery> delivery =
                GATE.deliver(List.of(QrParts.picture(picture, seed)), symbol, 1, strength);

        assertTrue(delivery.isPresent(), "a " + picture + " picture can carry " + content);
        BufferedImage image = delivery.get().image();
        ScanReport report = delivery.get().report();
        assertTrue(VERIFIER.readsExactly(image, content), "every reader reads the delivery");
        assertEquals("zxing+wechat+boofcv", report.decoder());
        assertEquals(strength.apiName(), report.scanStrength());
        assertEquals(report.robustnessTarget() <= report.relativeRobustness(), report.robustnessTargetMet());
        assertEquals(report.robustness() / report.plainRobustness(), report.relativeRobustness(), 1e-9);
        assertTrue(report.plainRobustness() > 0.8, "a plain code reads under most camera conditions");
    }

    @ParameterizedTest
    @CsvSource({"noise, 11", "photo, 12"})
    void aRobustDeliveryIsAtLeastAsRobustAsAnArtisticOneAndAnArtisticOneChangesLess(String picture, long seed) {
        String content = randomPayload(new Random(seed));
        QrSymbol symbol = ENCODER.encode(content);
        BufferedImage source = QrParts.picture(picture, seed);
        ScanReport artistic = GATE.deliver(List.of(source), symbol, 1, ScanStrength.ARTISTIC)
                .orElseThrow()
                .report();
        ScanReport robust = GATE.deliver(List.of(source), symbol, 1, ScanStrength.ROBUST)
                .orElseThrow()
                .report();
        assertTrue(robust.relativeRobustness() >= artistic.relativeRobustness() - 1e-9);
        assertTrue(artistic.pixelsChangedShare() <= robust.pixelsChangedShare() + 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"noise, 21", "photo, 22"})
    void aCodeNoRepairWithinTheCapMakesReadableIsNeverDelivered(String picture, long seed) {
        String content = randomPayload(new Random(seed));
        Optional<ScanGate.Delivery> delivery = QrParts.gate(0.001)
                .deliver(List.of(QrParts.picture(picture, seed)), ENCODER.encode(content), 1, ScanStrength.BALANCED);
        assertTrue(delivery.isEmpty());
    }

    private static String randomPayload(Random random) {
        StringBuilder path = new StringBuilder();
        int length = 4 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            path.append((char) ('a' + random.nextInt(26)));
        }
        return "https://qr.art/" + path;
    }
}
