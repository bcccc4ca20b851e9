package app.qrart.gateway.qr.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which repaired candidate is delivered: robustness first, then the smallest footprint. */
class CandidateRankingTest {

    @Test
    void theMostRobustCandidateWinsEvenWhenItsRepairChangedMore() {
        assertDelivered(new CandidateRanking.Score(0.85, 0.20), new CandidateRanking.Score(0.60, 0.05));
    }

    @Test
    void amongEquallyRobustCandidatesTheLeastChangedWins() {
        assertDelivered(new CandidateRanking.Score(0.75, 0.08), new CandidateRanking.Score(0.75, 0.30));
    }

    /** The winner is delivered whichever order the candidates come in. */
    private static void assertDelivered(CandidateRanking.Score winner, CandidateRanking.Score loser) {
        for (List<CandidateRanking.Score> order : List.of(List.of(winner, loser), List.of(loser, winner))) {
            assertEquals(winner, order.stream().max(CandidateRanking.BEST_LAST).orElseThrow());
        }
    }
}
