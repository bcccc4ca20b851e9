package app.qrart.engine.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.QrVerifier;
import org.junit.jupiter.api.Test;

/** The plain reference: measured once per class (version, level, mask, module size), in a bounded cache. */
class RobustnessMeterTest {

    private static final QrEncoder ENCODER = QrParts.encoder(40);

    private static RobustnessMeter meter(int kept) {
        return new RobustnessMeter(ENCODER, new QrVerifier(), ScanPolicy.DEFAULTS, kept);
    }

    @Test
    void symbolsOfOneClassShareOneMeasuredReference() {
        QrSymbol first = ENCODER.encode("https://qr.art/a1");
        QrSymbol second = sameClassAs(first);
        assertNotEquals(first.content(), second.content());
        RobustnessMeter meter = meter(8);
        PathCosts.take();

        double one = meter.plain(first, 4);
        double other = meter.plain(second, 4);

        assertEquals(one, other);
        assertEquals(
                1, PathCosts.take().count(PathCosts.Part.REFERENCE), "the second symbol of the class is not measured");
        assertEquals(1, meter.referencesKept());
    }

    /** Another payload's symbol of the same version, level and mask. */
    private static QrSymbol sameClassAs(QrSymbol symbol) {
        for (int i = 0; ; i++) {
            QrSymbol other = ENCODER.encode("https://qr.art/b" + i);
            if (other.version() == symbol.version() && other.mask() == symbol.mask()) {
                return other;
            }
        }
    }

    @Test
    void moduleSizeAndVersionAreEachTheirOwnClass() {
        QrSymbol small = ENCODER.encode("https://qr.art/a1");
        QrSymbol larger = ENCODER.encode("https://qr.art/" + "x".repeat(60));
        assertNotEquals(small.version(), larger.version());
        RobustnessMeter meter = meter(8);

        meter.plain(small, 3);
        meter.plain(small, 4);
        meter.plain(larger, 4);

        assertEquals(3, meter.referencesKept());
    }

    @Test
    void theCacheKeepsNoMoreClassesThanItsBound() {
        RobustnessMeter meter = meter(2);
        QrSymbol symbol = ENCODER.encode("https://qr.art/a1");

        for (int pixels = 2; pixels <= 5; pixels++) {
            double reference = meter.plain(symbol, pixels);
            assertTrue(reference > 0.5, "a plain code reads in most conditions");
        }

        assertTrue(meter.referencesKept() <= 2, "kept " + meter.referencesKept());
    }
}
