package app.qrart.gateway.links;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Short links and their scan counts. Implementations are safe under concurrency, across replicas. */
public interface LinkRepository {

    /** One day's scans of one link from one platform. */
    record ScanKey(String code, LocalDate day, Platform platform) {}

    /** Stores a new link unless its code is taken; false when it is. */
    boolean create(ShortLink link);

    Optional<ShortLink> find(String code);

    /** Replaces a stored link. */
    void save(ShortLink link);

    void delete(String code);

    List<ShortLink> all();

    /** Adds each count to what is stored (an increment, so many replicas can add to one count). */
    void addScans(Map<ScanKey, Long> scans);

    /** Scans per day and platform from {@code from} on; days without scans left out. */
    Map<LocalDate, Map<Platform, Long>> scansSince(String code, LocalDate from);
}
