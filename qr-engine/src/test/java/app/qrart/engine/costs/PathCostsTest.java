package app.qrart.engine.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.costs.PathCosts.Part;
import org.junit.jupiter.api.Test;

/** Parts are timed exclusively and counted per thread; a snapshot's difference is what ran since. */
class PathCostsTest {

    private static long spin(long nanos) {
        long start = System.nanoTime();
        long sum = 0;
        while (System.nanoTime() - start < nanos) {
            sum += System.nanoTime() % 7;
        }
        return sum;
    }

    @Test
    void aPartTimedInsideAnotherCountsOnlyOnce() {
        PathCosts.take();
        PathCosts.time(Part.PAINT, () -> {
            spin(20_000_000);
            return PathCosts.time(Part.PLAN, () -> spin(40_000_000));
        });
        PathCosts.Tally tally = PathCosts.take();

        assertEquals(1, tally.count(Part.PAINT));
        assertEquals(1, tally.count(Part.PLAN));
        assertTrue(tally.nanos(Part.PLAN) > tally.nanos(Part.PAINT), "the inner part's time is not the outer's");
        assertTrue(tally.nanos(Part.PAINT) < 40_000_000, "paint alone: " + tally.nanos(Part.PAINT));
    }

    @Test
    void aSnapshotsDifferenceIsWhatRanSinceAndTheTallyGoesOn() {
        PathCosts.take();
        PathCosts.time(Part.GATE, () -> spin(1_000_000));
        PathCosts.Tally before = PathCosts.snapshot();
        PathCosts.time(Part.GATE, () -> spin(1_000_000));
        PathCosts.time(Part.CONFIRMATION, () -> spin(1_000_000));

        PathCosts.Tally since = PathCosts.snapshot().since(before);

        assertEquals(1, since.count(Part.GATE));
        assertEquals(1, since.count(Part.CONFIRMATION));
        assertEquals(2, PathCosts.take().count(Part.GATE));
    }
}
