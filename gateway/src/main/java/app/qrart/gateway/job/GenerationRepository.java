package app.qrart.gateway.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Generation records and job state, and the leases that say which replica runs a job.
 * Implementations are safe under concurrency; lease changes are atomic (compare-and-set) and
 * timed by the store, not by the replica asking.
 */
public interface GenerationRepository {

    /**
     * Writes the job. A job without a lease (a new one) is written as it is and may be taken by
     * any replica; a leased job is written only while its lease is still the one held (same owner
     * and epoch, job not ended), else {@link LeaseLostException}.
     */
    void save(Generation generation);

    Optional<Generation> find(String id);

    /**
     * The job once it has ended, or as it is when {@code timeout} has passed first; empty when
     * there is no such job. This default reads the record every {@code poll}; a store that can be
     * watched waits for the write instead.
     */
    default Optional<Generation> awaitEnd(String id, Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Generation> job = find(id);
        while (job.isPresent() && !job.get().status().terminal() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
            job = find(id);
        }
        return job;
    }

    /** Done jobs, newest first, after the cursor (exclusive), that the filter lets through. */
    Page page(String cursor, int limit, GalleryFilter filter);

    /**
     * Unfinished jobs nobody holds (never taken, released, or their lease lapsed), found by status
     * and lease expiry, oldest accepted first; at most {@code limit}.
     */
    List<Generation> waiting(int limit);

    /**
     * Makes unfinished jobs recorded without a lease expiry (before leases existed) waiting, so
     * {@link #waiting} finds them; how many. Run at start-up; stores that find such jobs anyway do nothing.
     */
    default int adoptUnleased() {
        return 0;
    }

    /**
     * Takes the job for {@code owner} for {@code duration} when it is unfinished and nobody holds
     * it: the job with its new lease (epoch one higher), else empty.
     */
    Optional<Generation> claim(String id, String owner, Duration duration);

    /** Extends a lease still held for {@code duration} from now: the renewed lease, or empty when lost. */
    Optional<Lease> renew(String id, Lease held, Duration duration);

    /** Gives a held lease up, so that any replica may take the job at once (nothing when not held). */
    void release(String id, Lease held);

    boolean reachable();

    /** One page of the gallery and the cursor of the next, or null at the end. */
    record Page(List<Generation> items, String nextCursor) {}
}
