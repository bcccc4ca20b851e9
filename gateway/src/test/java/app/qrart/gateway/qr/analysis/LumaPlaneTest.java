package app.qrart.gateway.qr.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The two-means split of module lumas that every locate and repair step judges modules by. */
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
}
