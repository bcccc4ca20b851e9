package app.qrart.engine.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which candidate is delivered: the target first, then the footprint or the robustness. */
class CandidateRankingTest {

    @Test
    void shortOfTheTargetTheMostRobustWinsEvenWhenItsRepairChangedMore() {
        assertDelivered(score(false, 0.85, 0.20), score(false, 0.60, 0.05));
    }

    @Test
    void amongEquallyRobustCandidatesTheLeastChangedWins() {
        assertDelivered(score(false, 0.75, 0.08), score(false, 0.75, 0.30));
    }

    @Test
    void oneThatMeetsTheTargetBeatsAMoreRobustOneThatDoesNotAsWellAsAnyShortOfIt() {
        assertDelivered(score(true, 0.93, 0.10), score(false, 0.91, 0.02));
    }

    @Test
    void amongThoseMeetingTheTargetTheLeastChangedWinsOverTheMostRobust() {
        assertDelivered(score(true, 0.93, 0.03), score(true, 1.0, 0.12));
    }

    private static CandidateRanking.Score score(boolean met, double robustness, double changed) {
        return new CandidateRanking.Score(met, robustness, changed);
    }

    /** The winner is delivered whichever order the candidates come in. */
    private static void assertDelivered(CandidateRanking.Score winner, CandidateRanking.Score loser) {
        for (List<CandidateRanking.Score> order : List.of(List.of(winner, loser), List.of(loser, winner))) {
            assertEquals(winner, order.stream().max(CandidateRanking.BEST_LAST).orElseThrow());
        }
    }
}
