package app.qrart.gateway.auth;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** API keys and their daily use. Implementations are safe under concurrency, across replicas. */
public interface ApiKeyRepository {

    void save(ApiKey key);

    Optional<ApiKey> find(String id);

    List<ApiKey> all();

    /** Adds one use to the key's day unless it already has {@code limit}: the count after, or empty. */
    OptionalInt countUse(String id, LocalDate day, int limit);

    /** Takes back one use of the day (a submission that was then not accepted). */
    void uncountUse(String id, LocalDate day);

    /** Uses per day from {@code from} on, days without use left out. */
    Map<LocalDate, Integer> usageSince(String id, LocalDate from);
}
