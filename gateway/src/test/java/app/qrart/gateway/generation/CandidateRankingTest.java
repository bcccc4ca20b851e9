package app.qrart.gateway.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which repaired candidate is delivered: robustness first, then the smallest footprint. */
class CandidateRankingTest {

    @Test
    void theMostRobustCandidateWinsEvenWhenItsRepairChangedMore() {
        CandidateRanking.Score fragile = new CandidateRanking.Score(0.60, 0.05);
        CandidateRanking.Score robust = new CandidateRanking.Score(0.85, 0.20);
        assertEquals(robust, best(List.of(fragile, robust)));
        assertEquals(robust, best(List.of(robust, fragile)));
    }

    @Test
    void amongEquallyRobustCandidatesTheLeastChangedWins() {
        CandidateRanking.Score heavy = new CandidateRanking.Score(0.75, 0.30);
        CandidateRanking.Score light = new CandidateRanking.Score(0.75, 0.08);
        assertEquals(light, best(List.of(heavy, light)));
        assertEquals(light, best(List.of(light, heavy)));
    }

    private static CandidateRanking.Score best(List<CandidateRanking.Score> scores) {
        return scores.stream().max(CandidateRanking.BEST_LAST).orElseThrow();
    }
}
