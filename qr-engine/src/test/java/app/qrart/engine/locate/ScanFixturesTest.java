package app.qrart.engine.locate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.repair.QrRepairer;
import app.qrart.engine.repair.Repair;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.testing.ScanFixtures;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ZXing-style fixture folders (image + expected text, written by {@link ScanFixtureGenerator}),
 * each with explicit thresholds in thresholds.properties: how many must read unaided, how many at
 * most may, and how many must read after a repair within the folder's footprint cap. Folders with
 * {@code mode=in-place} hold codes another generator drew anywhere in a picture: they are located
 * and repaired where they are, not where this project would have drawn them. Whatever the
 * repair returns must read exactly: a code it cannot save comes back as "no image", never as an
 * unreadable one.
 */
class ScanFixturesTest {

    static List<String> folders() throws IOException {
        return ScanFixtures.names();
    }

    @ParameterizedTest
    @MethodSource("folders")
    void folderMeetsItsThresholds(String name) throws IOException {
        ScanFixtures.Folder folder = ScanFixtures.folder(name);
        double cap = folder.threshold("repair.cap", 0.75);
        QrVerifier verifier = new QrVerifier();
        QrEncoder encoder = QrParts.encoder(10);
        QrRepairer repairer = new QrRepairer(encoder, verifier, cap);
        int unaided = 0;
        int repaired = 0;
        List<ScanFixtures.Fixture> fixtures = folder.fixtures();
        boolean inPlace = folder.inPlace();
        for (ScanFixtures.Fixture fixture : fixtures) {
            Optional<SymbolLocator.Located> located =
                    inPlace ? SymbolLocator.locate(fixture.image(), fixture.text()) : Optional.empty();
            // A reversed code (light on dark) is read, as readers that accept reversal do, on its negative.
            UnaryOperator<BufferedImage> asRead =
                    image -> located.map(l -> l.asRead(image)).orElse(image);
            boolean reads = verifier.readsExactly(asRead.apply(fixture.image()), fixture.text());
            unaided += reads ? 1 : 0;
            if (!reads && folder.thresholds().containsKey("repaired.min")) {
                Repair repair = inPlace
                        ? located.map(l -> repairer.repair(fixture.image(), l)).orElse(Repair.none())
                        : repairer.repair(fixture.image(), encoder.encode(fixture.text()));
                if (repair.image() != null) {
                    assertTrue(
                            verifier.readsExactly(asRead.apply(repair.image()), fixture.text()),
                            "a returned repair always reads");
                    repaired++;
                } else {
                    assertFalse(
                            verifier.readsExactly(asRead.apply(fixture.image()), fixture.text()),
                            "a refused repair leaves the caller's picture as it was");
                }
            }
        }
        String counts = name + ": " + unaided + " of " + fixtures.size() + " read unaided, " + repaired
                + " more after repair (cap " + cap + ")";
        System.out.println(counts);
        assertTrue(unaided >= folder.threshold("unaided.min", 0), counts);
        assertTrue(unaided <= folder.threshold("unaided.max", fixtures.size()), counts);
        assertTrue(unaided + repaired >= folder.threshold("repaired.min", 0), counts);
        assertTrue(repaired <= folder.threshold("repaired.max", fixtures.size()), counts);
    }
}
