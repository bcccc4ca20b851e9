package app.qrart.engine.repair;

import app.qrart.engine.analysis.CodewordLayout;
import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.costs.PathCosts.Part;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.image.Luma;
import app.qrart.engine.image.RgbImages;
import java.awt.image.BufferedImage;

/**
 * The picture being repaired (with its light border, if any) and what every step judges it by:
 * its pixels before the repair, the symbol and its grid, the picture's own threshold and the
 * footprint allowed.
 */
record Canvas(
        BufferedImage original,
        int[] before,
        QrSymbol symbol,
        CodewordLayout layout,
        ModuleGrid grid,
        int threshold,
        int margin,
        Footprint footprint) {

    /** Channel change, in levels, past which a pixel counts as changed. */
    private static final int CHANGED_LEVELS = 10;

    RepairGoal goal() {
        return footprint.goal();
    }

    /**
     * The repair as it stands, measured against the goal (the image is copied: the climb goes
     * on). A rung that cannot be preferred to {@code best} ({@link Footprint#mustReach}) may be
     * measured only as far as it takes to know that.
     */
    Repair measured(BufferedImage image, int touched, double changed, Repair best) {
        footprint.read(changed);
        double robustness = PathCosts.time(Part.SUITE, () -> goal().robustness().of(image, footprint.mustReach(best)));
        return new Repair(RgbImages.copy(image), touched, changed, margin, robustness, goal().met(robustness));
    }

    /**
     * Share of the picture's own pixels that the image has changed: any channel moved more than
     * {@link #CHANGED_LEVELS} from the original's. A light border added around the picture is new
     * canvas, not a change to the picture: it is reported as the repair's margin.
     */
    double changed(BufferedImage image) {
        int[] after = Luma.pixels(image);
        long changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (Luma.maxChannelDelta(before[i], after[i]) > CHANGED_LEVELS) {
                changed++;
            }
        }
        long picture = (long) (original.getWidth() - 2 * margin) * (original.getHeight() - 2 * margin);
        return (double) changed / picture;
    }
}
