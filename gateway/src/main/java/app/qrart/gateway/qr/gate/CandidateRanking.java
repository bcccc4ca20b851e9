package app.qrart.gateway.qr.gate;

import java.util.Comparator;

/**
 * How delivered candidates are ranked: the one most camera conditions read first (robustness
 * is what a user feels when scanning); among equally robust ones, the one the repair changed least.
 */
final class CandidateRanking {

    private CandidateRanking() {}

    /** A candidate's robustness (0-1) and the share of its pixels a repair changed (0 when unrepaired). */
    record Score(double robustness, double pixelsChanged) {}

    /** Orders scores from worst to best, so that {@code max} picks the one to deliver. */
    static final Comparator<Score> BEST_LAST = Comparator.comparingDouble(Score::robustness)
            .thenComparing(Comparator.comparingDouble(Score::pixelsChanged).reversed());
}
