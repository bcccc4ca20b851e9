package app.qrart.gateway.job;

import java.util.List;
import java.util.Optional;

/** Generation records and job state. Implementations are safe under concurrency. */
public interface GenerationRepository {

    void save(Generation generation);

    Optional<Generation> find(String id);

    /** Done jobs, newest first, after the cursor (exclusive), that the filter lets through. */
    Page page(String cursor, int limit, GalleryFilter filter);

    /** Generations not yet terminal (to resume or fail after a restart). */
    List<Generation> unfinished();

    boolean reachable();

    /** One page of the gallery and the cursor of the next, or null at the end. */
    record Page(List<Generation> items, String nextCursor) {}
}
