package app.qrart.gateway.qr.gate;

import static app.qrart.gateway.support.QrParts.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.qr.encode.QrEncoder;
import app.qrart.gateway.qr.encode.QrSymbol;
import app.qrart.gateway.qr.verify.QrVerifier;
import app.qrart.gateway.support.Configs;
import app.qrart.gateway.support.QrParts;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
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
    private static final QrEncoder ENCODER = new QrEncoder(Configs.qr(40), VERIFIER);
    private static final String BALANCED_TARGET = "qrart.scan.strength.balanced.target";
    private static final String BALANCED_CAP = "qrart.scan.strength.balanced.max-pixels-changed";

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

    @Test
    void theCameraRungsMakeBalancedDeliveriesMoreRobust() {
        // A target and cap the camera rungs reach within, so that the climb ends on them.
        Map<String, String> reachable = Map.of(BALANCED_TARGET, "0.92", BALANCED_CAP, "0.15");
        ScanGate withCamera = QrParts.gate(reachable);
        ScanGate withoutCamera = QrParts.gate(with(reachable, "qrart.scan.camera.passes", "0"));
        double with = 0;
        double without = 0;
        for (String picture : List.of("photo", "gradient", "noise")) {
            String content = randomPayload(new Random(picture.hashCode()));
            QrSymbol symbol = ENCODER.encode(content);
            BufferedImage image = QrParts.picture(picture, 21);
            with += withCamera
                    .deliver(List.of(image), symbol, 1, ScanStrength.BALANCED)
                    .orElseThrow()
                    .report()
                    .relativeRobustness();
            without += withoutCamera
                    .deliver(List.of(image), symbol, 1, ScanStrength.BALANCED)
                    .orElseThrow()
                    .report()
                    .relativeRobustness();
        }
        assertTrue(with > without, "with camera rungs " + with / 3 + ", without " + without / 3);
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
    @CsvSource({"flat, 46"})
    void aRungThatWouldPassTheCapIsPaintedAsFarAsTheCapAllows(String picture, long seed) {
        QrSymbol symbol = ENCODER.encode(randomPayload(new Random(seed)));
        BufferedImage source = QrParts.picture(picture, seed);
        // A target no rung reaches within the cap, so every climb ends at the cap.
        double cap = 0.15;
        Map<String, String> unreachable = Map.of(BALANCED_TARGET, "0.995", BALANCED_CAP, String.valueOf(cap));
        ScanReport stopped = QrParts.gate(with(unreachable, "qrart.scan.fill-to-cap", "false"))
                .deliver(List.of(source), symbol, 1, ScanStrength.BALANCED)
                .orElseThrow()
                .report();
        ScanReport filled = QrParts.gate(unreachable)
                .deliver(List.of(source), symbol, 1, ScanStrength.BALANCED)
                .orElseThrow()
                .report();
        String figures = "stopped at the rung before the cap: %.3f at %.3f changed; filled: %.3f at %.3f"
                .formatted(
                        stopped.relativeRobustness(),
                        stopped.pixelsChangedShare(),
                        filled.relativeRobustness(),
                        filled.pixelsChangedShare());
        System.out.println(picture + ": " + figures);
        assertTrue(filled.relativeRobustness() > stopped.relativeRobustness(), figures);
        assertTrue(filled.pixelsChangedShare() > stopped.pixelsChangedShare(), figures);
        assertTrue(filled.pixelsChangedShare() <= stopped.pixelsChangedShare() + cap + 1e-9, figures);
    }

    @ParameterizedTest
    @CsvSource({"photo, 31", "noise, 32"})
    void aPictureThatDrawsNoCodeYetIsCappedBeyondTheChangeThatFirstReads(String picture, long seed) {
        QrSymbol symbol = ENCODER.encode(randomPayload(new Random(seed)));
        BufferedImage source = QrParts.picture(picture, seed);
        // A cap below what reading at all costs such a picture; rungs kept whole (not cut back to
        // their target), so that the first reading rung costs the same in every run.
        double cap = 0.15;
        Map<String, String> capped = Map.of(BALANCED_CAP, String.valueOf(cap), "qrart.scan.trim-probes", "0");
        // A target the first reading rung meets: what reading at all costs.
        ScanReport firstRead = balanced(QrParts.gate(with(capped, BALANCED_TARGET, "0.001")), source, symbol);
        // A target above what the first reading rung reaches, so the climb goes on while the cap allows.
        ScanReport fromPicture = balanced(
                QrParts.gate(with(with(capped, "qrart.scan.cap-beyond-first-read", "false"), BALANCED_TARGET, "0.995")),
                source,
                symbol);
        ScanReport beyond = balanced(QrParts.gate(with(capped, BALANCED_TARGET, "0.995")), source, symbol);
        String figures =
                "first read at %.3f changed; from the picture: %.3f at %.3f; beyond the first read: %.3f at %.3f"
                        .formatted(
                                firstRead.pixelsChangedShare(),
                                fromPicture.relativeRobustness(),
                                fromPicture.pixelsChangedShare(),
                                beyond.relativeRobustness(),
                                beyond.pixelsChangedShare());
        System.out.println(picture + ": " + figures);
        assertTrue(firstRead.pixelsChangedShare() > cap, "reading at all costs more than the cap: " + figures);
        assertTrue(beyond.relativeRobustness() > fromPicture.relativeRobustness(), figures);
        assertTrue(beyond.pixelsChangedShare() <= firstRead.pixelsChangedShare() + cap + 1e-9, figures);
    }

    @ParameterizedTest
    @CsvSource({"photo, 51"})
    void aRungThatMeetsTheTargetIsCutBackToFewerDotsThatStillMeetIt(String picture, long seed) {
        QrSymbol symbol = ENCODER.encode(randomPayload(new Random(seed)));
        BufferedImage source = QrParts.picture(picture, seed);
        // A target the climb passes on its way.
        Map<String, String> passed = Map.of(BALANCED_TARGET, "0.85");
        ScanReport whole = balanced(QrParts.gate(with(passed, "qrart.scan.trim-probes", "0")), source, symbol);
        ScanReport cut = balanced(QrParts.gate(passed), source, symbol);
        String figures = "whole rung: %.3f at %.3f changed; cut back: %.3f at %.3f"
                .formatted(
                        whole.relativeRobustness(),
                        whole.pixelsChangedShare(),
                        cut.relativeRobustness(),
                        cut.pixelsChangedShare());
        System.out.println(picture + ": " + figures);
        assertTrue(whole.robustnessTargetMet(), figures);
        assertTrue(cut.robustnessTargetMet(), figures);
        assertTrue(cut.pixelsChangedShare() < whole.pixelsChangedShare(), figures);
    }

    private static ScanReport balanced(ScanGate gate, BufferedImage source, QrSymbol symbol) {
        return gate.deliver(List.of(source), symbol, 1, ScanStrength.BALANCED)
                .orElseThrow()
                .report();
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
