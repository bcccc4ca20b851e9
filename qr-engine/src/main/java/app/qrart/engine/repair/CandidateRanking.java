package app.qrart.engine.repair;

import java.util.Comparator;

/**
 * How candidate images (repaired or not) are ranked, for the repair's rungs and the gate's
 * delivery alike: one that reaches its strength's robustness target first, and among those the
 * one that changed the picture least (the target is what the user asked for; beyond it the
 * picture matters); among those short of the target, the most robust, then the least changed.
 */
public final class CandidateRanking {

    private CandidateRanking() {}

    /**
     * A candidate's standing: whether it meets the target, its robustness relative to a plain code
     * (NaN when not measured), and the share of its pixels a repair changed (0 when unrepaired).
     */
    public record Score(boolean targetMet, double robustness, double pixelsChanged) {}

    private static final Comparator<Score> FEWER_CHANGES_LAST =
            Comparator.comparingDouble(Score::pixelsChanged).reversed();

    /** Orders scores from worst to best, so that {@code max} picks the one to deliver. */
    public static final Comparator<Score> BEST_LAST = (a, b) -> {
        if (a.targetMet() != b.targetMet()) {
            return a.targetMet() ? 1 : -1;
        }
        if (a.targetMet()) {
            return FEWER_CHANGES_LAST.thenComparingDouble(Score::robustness).compare(a, b);
        }
        return Comparator.comparingDouble(Score::robustness)
                .thenComparing(FEWER_CHANGES_LAST)
                .compare(a, b);
    };
}
