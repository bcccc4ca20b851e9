package app.qrart.gateway.qr.repair;

import app.qrart.gateway.qr.analysis.CodewordLayout;
import app.qrart.gateway.qr.analysis.ModuleGrid;
import app.qrart.gateway.qr.encode.QrSymbol;
import app.qrart.gateway.qr.image.Luma;
import java.awt.Color;
import java.awt.Graphics2D;
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
        double marginShare,
        int margin,
        Footprint footprint) {

    /** Channel change, in levels, past which a pixel counts as changed. */
    private static final int CHANGED_LEVELS = 10;

    RepairGoal goal() {
        return footprint.goal();
    }

    /** The repair as it stands, measured against the goal (the image is copied: the climb goes on). */
    Repair measured(BufferedImage image, int touched, double changed) {
        footprint.read(changed);
        double robustness = goal().robustness().applyAsDouble(image);
        return new Repair(copy(image), touched, changed, margin, robustness, goal().met(robustness));
    }

    double cap(Repair best, double hardCap) {
        return footprint.cap(best, hardCap);
    }

    /** Whether the repair ends the search ({@link Footprint#settled}). */
    boolean settled(Repair repair) {
        return footprint.settled(repair);
    }

    /** Whether a rung changing this share is measured against the best so far ({@link Footprint#worthMeasuring}). */
    boolean worthMeasuring(double changed, Repair best) {
        return footprint.worthMeasuring(changed, best);
    }

    /** The better of a measured rung and the best so far ({@link Footprint#preferred}). */
    Repair preferred(Repair rung, Repair best) {
        return footprint.preferred(rung, best);
    }

    /** Share of the picture, border included, that the image has changed. */
    double changed(BufferedImage image) {
        return marginShare + changedShare(before, image);
    }

    /** Share of pixels whose any channel moved more than {@link #CHANGED_LEVELS} from the original's. */
    private static double changedShare(int[] before, BufferedImage image) {
        int[] after = Luma.pixels(image);
        long changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (Luma.maxChannelDelta(before[i], after[i]) > CHANGED_LEVELS) {
                changed++;
            }
        }
        return (double) changed / before.length;
    }

    /** The picture on a canvas with a white border; the picture itself when the border is 0. */
    static BufferedImage withMargin(BufferedImage picture, int margin) {
        BufferedImage out = new BufferedImage(
                picture.getWidth() + 2 * margin, picture.getHeight() + 2 * margin, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(picture, margin, margin, null);
        g.dispose();
        return out;
    }

    static BufferedImage copy(BufferedImage source) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(source, 0, 0, null);
        return copy;
    }
}
