package app.qrart.engine.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.gate.RobustnessMeter;
import app.qrart.engine.gate.ScanPolicy;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.QrVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever the model of the readers predicts, a repair is handed out only with the real readers'
 * measure: a model that always promises the target is contradicted and the climb goes on; one
 * that never does leaves the choice to the confirmation of the best rung.
 */
class PredictThenConfirmTest {

    private static final QrEncoder ENCODER = QrParts.encoder(40);
    private static final QrVerifier VERIFIER = new QrVerifier();
    private static final RobustnessMeter METER = new RobustnessMeter(ENCODER, VERIFIER, ScanPolicy.DEFAULTS);

    /** The goal with a model of the readers that predicts the same robustness for every image. */
    private static RepairGoal predictingAlways(RepairGoal goal, double predicted) {
        return new RepairGoal(goal.target(), goal.maxPixelsChanged(), goal.robustness(), (image, floor) -> predicted);
    }

    @ParameterizedTest(name = "model always {1} on {0}")
    @CsvSource({"noise, 1.0", "photo, 1.0", "noise, 0.0", "photo, 0.0"})
    void aRepairCarriesTheRealReadersMeasureWhateverTheModelSays(String kind, double predicted) {
        QrSymbol symbol = ENCODER.encode("https://qr.art/confirm-" + kind);
        RepairGoal goal =
                predictingAlways(METER.goal(symbol, ENCODER.modulePixels(symbol, 512), ScanStrength.ROBUST), predicted);
        PathCosts.take();

        Repair repair = QrParts.repairer(0.75).repair(QrParts.picture(kind, 7), symbol, goal);
        PathCosts.Tally tally = PathCosts.take();

        assertNotNull(repair.image());
        assertTrue(repair.confirmed(), "handed out only once the real readers measured it");
        assertTrue(VERIFIER.readsExactly(repair.image(), symbol.content()));
        assertEquals(goal.robustness().of(repair.image(), Double.NEGATIVE_INFINITY), repair.robustness(), 1e-12);
        assertEquals(goal.met(repair.robustness()), repair.targetMet());
        assertTrue(tally.count(PathCosts.Part.CONFIRMATION) >= 1);
        if (predicted == 1.0) {
            assertTrue(tally.contradicted() > 0, "a model that always promises the target is contradicted");
        }
    }
}
