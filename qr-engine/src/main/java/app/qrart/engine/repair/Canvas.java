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
     * A rung as it stands (the image is copied: the climb goes on), its robustness predicted by
     * the goal's model of the readers; one predicted to meet the target is confirmed by the real
     * readers at once. Both are measured only as far as it takes to know whether the rung can be
     * preferred to {@code best} ({@link Footprint#mustReach}).
     */
    Repair judged(BufferedImage image, int touched, double changed, Repair best) {
        Repair rung = predicted(image, touched, changed, footprint.mustReach(best));
        return rung.targetMet() && !rung.confirmed() ? confirmed(rung, footprint.mustReach(best)) : rung;
    }

    /**
     * A rung of a cut-back step as it stands, predicted by the model to meet the target (the
     * halving chose it so) without asking the model again (the image is copied).
     */
    Repair unjudged(BufferedImage image, int touched, double changed) {
        footprint.read(changed);
        return new Repair(RgbImages.copy(image), touched, changed, margin, goal().target(), true, false);
    }

    /**
     * A rung as it stands, its robustness predicted by the goal's model of the readers, exactly
     * when the prediction reaches {@code floor} (the image is copied); measured by the real
     * readers when the goal has no model.
     */
    Repair predicted(BufferedImage image, int touched, double changed, double floor) {
        footprint.read(changed);
        if (!goal().measures()) {
            return new Repair(RgbImages.copy(image), touched, changed, margin, Double.NaN, true);
        }
        if (!goal().predicts()) {
            double measured =
                    PathCosts.time(Part.CONFIRMATION, () -> goal().robustness().of(image, floor));
            return new Repair(RgbImages.copy(image), touched, changed, margin, measured, goal().met(measured));
        }
        double robustness =
                PathCosts.time(Part.PREDICTION, () -> goal().prediction().of(image, floor));
        return new Repair(RgbImages.copy(image), touched, changed, margin, robustness, goal().met(robustness), false);
    }

    /**
     * The rung with its robustness measured by the real readers over the whole camera suite, exactly
     * when it reaches {@code floor} (else a bound below it); the model is told whether it was right.
     */
    Repair confirmed(Repair rung, double floor) {
        double robustness =
                PathCosts.time(Part.CONFIRMATION, () -> goal().robustness().of(rung.image(), floor));
        boolean met = goal().met(robustness);
        PathCosts.verdict(met == rung.targetMet());
        return new Repair(
                rung.image(), rung.modulesTouched(), rung.pixelsChangedShare(), margin, robustness, met, true);
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
