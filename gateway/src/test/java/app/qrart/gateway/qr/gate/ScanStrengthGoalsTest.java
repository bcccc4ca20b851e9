package app.qrart.gateway.qr.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.support.Configs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each strength aims for on a code the gateway draws and on a code fixed in place. */
class ScanStrengthGoalsTest {

    private static final ScanConfig SHIPPED = Configs.of(ScanConfig.class, Map.of());

    @Test
    void balancedAimsHigherOnADrawnCodeThanOnACodeFixedInPlace() {
        ScanStrength balanced = ScanStrength.BALANCED;
        assertTrue(balanced.target(SHIPPED) > balanced.inPlaceTarget(SHIPPED));
        assertTrue(balanced.maxPixelsChanged(SHIPPED) > balanced.inPlaceMaxPixelsChanged(SHIPPED));
    }

    @Test
    void aStrengthWithoutInPlaceSettingsAimsAtItsDrawnGoalInPlace() {
        for (ScanStrength strength : new ScanStrength[] {ScanStrength.ARTISTIC, ScanStrength.ROBUST}) {
            assertEquals(strength.target(SHIPPED), strength.inPlaceTarget(SHIPPED), strength.apiName());
            assertEquals(
                    strength.maxPixelsChanged(SHIPPED), strength.inPlaceMaxPixelsChanged(SHIPPED), strength.apiName());
        }
    }

    @Test
    void inPlaceSettingsOverrideOnlyTheCodeFixedInPlace() {
        ScanConfig scan = Configs.of(
                ScanConfig.class,
                Map.of(
                        "qrart.scan.strength.artistic.in-place.target", "0.6",
                        "qrart.scan.strength.artistic.in-place.max-pixels-changed", "0.03"));
        assertEquals(0.6, ScanStrength.ARTISTIC.inPlaceTarget(scan));
        assertEquals(0.03, ScanStrength.ARTISTIC.inPlaceMaxPixelsChanged(scan));
        assertEquals(ScanStrength.ARTISTIC.target(SHIPPED), ScanStrength.ARTISTIC.target(scan));
        assertEquals(ScanStrength.ARTISTIC.maxPixelsChanged(SHIPPED), ScanStrength.ARTISTIC.maxPixelsChanged(scan));
    }
}
