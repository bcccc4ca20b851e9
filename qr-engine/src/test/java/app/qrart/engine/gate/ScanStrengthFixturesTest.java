package app.qrart.engine.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.locate.SymbolLocator;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.testing.ScanFixtures;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture folders through the gate at each strength their thresholds.properties names
 * ({@code strength.<name>.delivered.min}, {@code .target-met.min}, {@code .relative-mean.min}):
 * generated-mode folders as the gate delivers a generation, in-place folders as "fix a code"
 * does. Every delivery reads exactly with every reader and reports its target honestly.
 */
class ScanStrengthFixturesTest {

    /**
     * Least share of the real readers' confirmations, over every folder and strength, that agree
     * with the model of the readers on whether a rung meets its target (measured: 56 of 61, 0.92).
     */
    private static final double MODEL_AGREEMENT_MIN = 0.85;

    private static long agreed;
    private static long contradicted;

    private static final ScanGate GATE = QrParts.gate(0.75);
    private static final QrVerifier VERIFIER = new QrVerifier();
    private static final QrEncoder ENCODER = QrParts.encoder(40);

    static List<Arguments> foldersAndStrengths() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String name : ScanFixtures.names()) {
            ScanFixtures.Folder folder = ScanFixtures.folder(name);
            for (ScanStrength strength : ScanStrength.values()) {
                if (folder.thresholds().stringPropertyNames().stream()
                        .anyMatch(key -> key.startsWith(prefix(strength)))) {
                    cases.add(Arguments.of(name, strength));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("foldersAndStrengths")
    void folderMeetsItsStrengthThresholds(String name, ScanStrength strength) throws IOException {
        ScanFixtures.Folder folder = ScanFixtures.folder(name);
        int delivered = 0;
        int targetMet = 0;
        double relative = 0;
        PathCosts.take();
        for (ScanFixtures.Fixture fixture : folder.fixtures()) {
            Optional<SymbolLocator.Located> located =
                    folder.inPlace() ? SymbolLocator.locate(fixture.image(), fixture.text()) : Optional.empty();
            Optional<ScanGate.Delivery> delivery = folder.inPlace()
                    ? located.flatMap(l -> GATE.fixInPlace(fixture.image(), l, strength))
                    : GATE.deliver(List.of(fixture.image()), ENCODER.encode(fixture.text()), 1, strength);
            if (delivery.isEmpty()) {
                continue;
            }
            UnaryOperator<BufferedImage> asRead =
                    image -> located.map(l -> l.asRead(image)).orElse(image);
            ScanReport report = delivery.get().report();
            assertTrue(
                    VERIFIER.readsExactly(asRead.apply(delivery.get().image()), fixture.text()),
                    fixture.file() + " is delivered only when every reader reads it");
            assertEquals(strength.apiName(), report.scanStrength());
            assertEquals(
                    folder.inPlace()
                            ? ScanPolicy.DEFAULTS.goals(strength).inPlaceTarget()
                            : ScanPolicy.DEFAULTS.goals(strength).target(),
                    report.robustnessTarget(),
                    "a code fixed in place aims at the strength's in-place target, a drawn one at its own");
            assertEquals(report.relativeRobustness() >= report.robustnessTarget(), report.robustnessTargetMet());
            delivered++;
            targetMet += report.robustnessTargetMet() ? 1 : 0;
            relative += report.relativeRobustness();
        }
        PathCosts.Tally tally = PathCosts.take();
        agreed += tally.agreed();
        contradicted += tally.contradicted();
        double mean = delivered == 0 ? 0 : relative / delivered;
        String counts = "%s at %s: %d of %d delivered, %d met the target, relative robustness mean %.3f"
                .formatted(
                        name, strength.apiName(), delivered, folder.fixtures().size(), targetMet, mean);
        System.out.println(counts);
        String prefix = prefix(strength);
        assertTrue(delivered >= folder.threshold(prefix + "delivered.min", 0), counts);
        assertTrue(targetMet >= folder.threshold(prefix + "target-met.min", 0), counts);
        assertTrue(mean >= folder.threshold(prefix + "relative-mean.min", 0.0), counts);
    }

    @AfterAll
    static void theModelOfTheReadersAgreesWithTheRealReadersOftenEnough() {
        long confirmations = agreed + contradicted;
        double agreement = confirmations == 0 ? 1 : (double) agreed / confirmations;
        String what =
                "confirmations agreeing with the model: %d of %d (%.2f)".formatted(agreed, confirmations, agreement);
        System.out.println(what);
        assertTrue(confirmations > 0, "the real readers confirmed some rung");
        assertTrue(agreement >= MODEL_AGREEMENT_MIN, what);
    }

    private static String prefix(ScanStrength strength) {
        return "strength." + strength.apiName() + ".";
    }
}
