package app.qrart.engine.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each strength aims for on a code the engine draws and on a code fixed in place, by default. */
class ScanStrengthGoalsTest {

    private static final ScanPolicy DEFAULTS = ScanPolicy.DEFAULTS;

    @Test
    void balancedAimsHigherOnADrawnCodeThanOnACodeFixedInPlace() {
        StrengthGoals balanced = DEFAULTS.goals(ScanStrength.BALANCED);
        assertTrue(balanced.target() > balanced.inPlaceTarget());
        assertTrue(balanced.maxPixelsChanged() > balanced.inPlaceMaxPixelsChanged());
    }

    @Test
    void theOtherStrengthsAimAtTheirDrawnGoalsInPlace() {
        for (ScanStrength strength : new ScanStrength[] {ScanStrength.ARTISTIC, ScanStrength.ROBUST}) {
            StrengthGoals goals = DEFAULTS.goals(strength);
            assertEquals(goals.target(), goals.inPlaceTarget(), strength.apiName());
            assertEquals(goals.maxPixelsChanged(), goals.inPlaceMaxPixelsChanged(), strength.apiName());
        }
    }

    @Test
    void strongerStrengthsAimHigherAndMayChangeMore() {
        StrengthGoals artistic = DEFAULTS.goals(ScanStrength.ARTISTIC);
        StrengthGoals balanced = DEFAULTS.goals(ScanStrength.BALANCED);
        StrengthGoals robust = DEFAULTS.goals(ScanStrength.ROBUST);
        assertTrue(artistic.target() < balanced.target() && balanced.target() < robust.target());
        assertTrue(artistic.maxPixelsChanged() < balanced.maxPixelsChanged());
        assertTrue(balanced.maxPixelsChanged() < robust.maxPixelsChanged());
    }

    @Test
    void aPolicyWithoutAStrengthsGoalsIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ScanPolicy(true, 0.75, Map.of(ScanStrength.BALANCED, new StrengthGoals(0.9, 0.3))));
    }
}
