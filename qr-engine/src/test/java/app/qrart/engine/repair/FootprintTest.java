package app.qrart.engine.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** How far a repair may go and which of its rungs is kept, for a goal capped at 5% of the picture. */
class FootprintTest {

    private static final RepairGoal ARTISTIC = new RepairGoal(0.75, 0.05, (image, floor) -> 1.0);
    private static final double HARD_CAP = 0.75;
    private static final BufferedImage IMAGE = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);

    /** A located code whose first reading rung changed 11% of the picture and met the target. */
    private static final Repair FIRST_READ_PAST_THE_CAP = rung(0.11, 0.95, true);

    @Test
    void aFirstReadPastTheCapDoesNotEndTheSearchEvenWhenItMeetsTheTarget() {
        Footprint footprint = afterTheFirstReadPastTheCap();
        assertFalse(footprint.settled(FIRST_READ_PAST_THE_CAP));
        assertTrue(footprint.settled(rung(0.04, 0.80, true)));
    }

    @Test
    void aCheaperRungWithinTheCapIsMeasuredAndKeptOverAMoreRobustFirstReadPastIt() {
        Footprint footprint = afterTheFirstReadPastTheCap();
        assertTrue(footprint.worthMeasuring(0.04, FIRST_READ_PAST_THE_CAP));
        assertFalse(footprint.worthMeasuring(0.06, FIRST_READ_PAST_THE_CAP), "past the cap and cheaper than the best");
        Repair within = rung(0.04, 0.70, false);
        assertSame(within, footprint.preferred(within, FIRST_READ_PAST_THE_CAP));
        assertSame(within, footprint.preferred(FIRST_READ_PAST_THE_CAP, within));
    }

    @Test
    void withinTheCapRungsAreRankedAndOnlyLargerChangesAreMeasured() {
        Footprint footprint = fromThePicture();
        Repair best = rung(0.03, 0.70, false);
        footprint.read(0.03);
        assertFalse(footprint.worthMeasuring(0.02, best));
        assertTrue(footprint.worthMeasuring(0.045, best));
        Repair moreRobust = rung(0.045, 0.74, false);
        assertSame(moreRobust, footprint.preferred(moreRobust, best));
    }

    @Test
    void aGeneratedPictureIsCappedBeyondItsFirstRead() {
        Footprint footprint = new Footprint(ARTISTIC, true, HARD_CAP);
        Repair firstRead = rung(0.27, 0.70, false);
        footprint.read(0.27);
        assertTrue(footprint.withinGoal(firstRead));
        assertTrue(footprint.withinGoal(rung(0.32, 0.80, true)));
        assertFalse(footprint.withinGoal(rung(0.33, 0.85, true)));
    }

    @Test
    void aRungMustReachTheBestsRobustnessOrTheTargetToWinAndAnyScoreWhenNothingWithinTheCapIsKept() {
        Footprint footprint = fromThePicture();
        footprint.read(0.03);
        assertEquals(Double.NEGATIVE_INFINITY, footprint.mustReach(Repair.none()));
        assertEquals(0.70, footprint.mustReach(rung(0.03, 0.70, false)));
        assertEquals(0.75, footprint.mustReach(rung(0.03, 0.80, true)));
        assertEquals(Double.NEGATIVE_INFINITY, afterTheFirstReadPastTheCap().mustReach(FIRST_READ_PAST_THE_CAP));
        Repair losing = rung(0.045, 0.69, false);
        Repair best = rung(0.03, 0.70, false);
        assertSame(best, footprint.preferred(losing, best), "a rung below what it must reach is not preferred");
    }

    private static Footprint fromThePicture() {
        return new Footprint(ARTISTIC, false, HARD_CAP);
    }

    private static Footprint afterTheFirstReadPastTheCap() {
        Footprint footprint = fromThePicture();
        footprint.read(FIRST_READ_PAST_THE_CAP.pixelsChangedShare());
        return footprint;
    }

    private static Repair rung(double changed, double robustness, boolean met) {
        return new Repair(IMAGE, 10, changed, 0, robustness, met);
    }
}
