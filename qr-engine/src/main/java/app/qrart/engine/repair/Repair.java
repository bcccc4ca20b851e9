package app.qrart.engine.repair;

import java.awt.image.BufferedImage;

/**
 * What a repair did; `image` is null when no repair within the cap makes it scan. `margin` is the
 * light border, in pixels per side, added around a picture whose code reaches its edges (the image
 * is then that much larger; the border is new canvas, not counted in {@code pixelsChangedShare}).
 * `robustness` is the goal's measure of the image (NaN when the goal measures none), `targetMet`
 * whether it reaches the goal's target; `confirmed` whether the real readers measured it (false:
 * the model of the readers predicted it, within a repair's climb only: every repair handed out is confirmed).
 */
public record Repair(
        BufferedImage image,
        int modulesTouched,
        double pixelsChangedShare,
        int margin,
        double robustness,
        boolean targetMet,
        boolean confirmed) {

    public Repair(BufferedImage image, int modulesTouched, double pixelsChangedShare) {
        this(image, modulesTouched, pixelsChangedShare, 0, Double.NaN, image != null);
    }

    /** A repair whose robustness was measured by the real readers (or needs none). */
    public Repair(
            BufferedImage image,
            int modulesTouched,
            double pixelsChangedShare,
            int margin,
            double robustness,
            boolean targetMet) {
        this(image, modulesTouched, pixelsChangedShare, margin, robustness, targetMet, true);
    }

    public static Repair none() {
        return new Repair(null, 0, 0);
    }

    /**
     * The change below which a rung is not measured against this one: a rung that changes fewer
     * pixels than the most robust rung so far is not expected to read more robustly.
     */
    double measuredChange() {
        return image == null ? -1 : pixelsChangedShare;
    }

    /** Its standing for {@link CandidateRanking}. */
    public CandidateRanking.Score score() {
        return new CandidateRanking.Score(targetMet, robustness, pixelsChangedShare);
    }

    /** Whether this repair is to be preferred to the other (an image to none, then by {@link CandidateRanking}). */
    public boolean betterThan(Repair other) {
        if (image == null || other.image() == null) {
            return image != null && other.image() == null;
        }
        return CandidateRanking.BEST_LAST.compare(score(), other.score()) > 0;
    }

    /** The same repair with its image replaced (its negative, say), everything else kept. */
    Repair withImage(BufferedImage replaced) {
        return new Repair(replaced, modulesTouched, pixelsChangedShare, margin, robustness, targetMet, confirmed);
    }
}
