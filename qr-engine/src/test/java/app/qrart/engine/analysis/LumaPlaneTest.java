package app.qrart.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The two-means splits of module lumas that locate and repair steps judge modules by. */
class LumaPlaneTest {

    @Test
    void darkAndLightModulesSplitAtTheMidpointOfTheirMeans() {
        int[][] modules = {{20, 40, 220}, {240, 30, 230}};
        assertEquals(Math.round((30 + 230) / 2.0), LumaPlane.threshold(modules));
    }

    @Test
    void aLightInkAboveMidGreyStillSplitsFromItsPaper() {
        int[][] modules = {{133, 250, 133}, {250, 133, 250}};
        int threshold = LumaPlane.threshold(modules);
        assertTrue(threshold > 133 && threshold < 250, "threshold " + threshold);
    }

    @Test
    void aPictureWithNoContrastSplitsAtMidGrey() {
        int[][] modules = {{200, 200}, {200, 200}};
        assertEquals(128, LumaPlane.threshold(modules));
    }

    @Test
    void aDrawnCodeSplitsBetweenItsClassesWhereASplitFromMidGreyStaysInsideOne() {
        // A textured dark class (60 and 130) beside light modules at 220.
        int[][] modules = {{60, 130, 130, 220, 220}, {60, 130, 130, 220, 220}};
        int drawn = LumaPlane.drawnCodeThreshold(modules);
        int fromMidGrey = LumaPlane.threshold(modules);
        assertTrue(drawn > 130 && drawn < 220, "drawn code " + drawn);
        assertTrue(fromMidGrey > 60 && fromMidGrey < 130, "from mid-grey " + fromMidGrey);
    }

    @Test
    void aDrawnCodeWithNoContrastSplitsAtMidGrey() {
        assertEquals(128, LumaPlane.drawnCodeThreshold(new int[][] {{90, 90}, {90, 90}}));
    }
}
