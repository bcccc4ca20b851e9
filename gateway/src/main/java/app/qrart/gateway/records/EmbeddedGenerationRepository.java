package app.qrart.gateway.records;

import app.qrart.gateway.job.GalleryCursor;
import app.qrart.gateway.job.GalleryFilter;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.GenerationStatus;
import app.qrart.gateway.job.Lease;
import app.qrart.gateway.job.LeaseLostException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded default: maps of the gateway's H2 MVStore file. Every save is committed before it
 * returns, so records survive a restart; MVMap is safe for concurrent readers and writers, and
 * writes of all maps commit under the store's lock. Leases live in a map of their own, changed
 * under the same lock (the file belongs to one process, so its clock is the store's). Waiting jobs
 * are found by reading every record: the embedded store serves one replica and a modest history.
 */
public class EmbeddedGenerationRepository implements GenerationRepository {

    private final MVStore store;
    private final MVMap<String, String> byId;
    private final MVMap<String, String> gallery;
    private final MVMap<String, String> leases;
    private final GenerationDocuments documents;
    private final Clock clock;

    public EmbeddedGenerationRepository(MVStore store, ObjectMapper mapper) {
        this(store, mapper, Clock.systemUTC());
    }

    EmbeddedGenerationRepository(MVStore store, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.byId = store.openMap("generations");
        this.gallery = store.openMap("gallery");
        this.leases = store.openMap("leases");
        this.documents = new GenerationDocuments(mapper);
        this.clock = clock;
    }

    @Override
    public void save(Generation generation) {
        synchronized (store) {
            if (generation.lease() != null && !holds(generation.id(), generation.lease())) {
                throw new LeaseLostException(generation.id(), generation.lease());
            }
            byId.put(generation.id(), write(generation));
            if (generation.status() == GenerationStatus.DONE) {
                gallery.put(GalleryCursor.of(generation), generation.id());
            }
            store.commit();
        }
    }

    @Override
    public Optional<Generation> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(this::read);
    }

    @Override
    public Page page(String cursor, int limit, GalleryFilter filter) {
        List<Generation> items = new ArrayList<>();
        String key = cursor == null ? gallery.firstKey() : gallery.higherKey(cursor);
        String last = null;
        while (key != null && items.size() < limit) {
            Generation generation = find(gallery.get(key)).orElse(null);
            if (generation != null && filter.matches(generation)) {
                items.add(generation);
                last = key;
            }
            key = gallery.higherKey(key);
        }
        return new Page(items, key != null && items.size() == limit ? last : null);
    }

    @Override
    public List<Generation> waiting(int limit) {
        Instant now = clock.instant();
        List<Generation> open = new ArrayList<>();
        for (Map.Entry<String, String> entry : byId.entrySet()) {
            Generation generation = read(entry.getValue());
            if (!generation.status().terminal() && free(lease(generation.id()), now)) {
                open.add(generation);
            }
        }
        return open.stream()
                .sorted(Comparator.comparing(Generation::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<Generation> claim(String id, String owner, Duration duration) {
        synchronized (store) {
            Generation generation = find(id).orElse(null);
            Instant now = clock.instant();
            Lease current = lease(id);
            if (generation == null || generation.status().terminal() || !free(current, now)) {
                return Optional.empty();
            }
            Lease taken = new Lease(owner, current == null ? 1 : current.epoch() + 1, now.plus(duration));
            putLease(id, taken);
            return Optional.of(generation.withLease(taken));
        }
    }

    @Override
    public Optional<Lease> renew(String id, Lease held, Duration duration) {
        synchronized (store) {
            if (!holds(id, held)) {
                return Optional.empty();
            }
            Lease renewed =
                    new Lease(held.owner(), held.epoch(), clock.instant().plus(duration));
            putLease(id, renewed);
            return Optional.of(renewed);
        }
    }

    @Override
    public void release(String id, Lease held) {
        synchronized (store) {
            if (holds(id, held)) {
                putLease(id, new Lease(held.owner(), held.epoch(), clock.instant()));
            }
        }
    }

    /** Whether the job is unfinished and its stored lease is this hold (lapsed or not: nobody else took it). */
    private boolean holds(String id, Lease held) {
        Generation stored = find(id).orElse(null);
        return stored != null && !stored.status().terminal() && held.sameHoldAs(lease(id));
    }

    private static boolean free(Lease lease, Instant now) {
        return lease == null || !lease.expiresAt().isAfter(now);
    }

    private Lease lease(String id) {
        String stored = leases.get(id);
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\t");
        return new Lease(parts[0], Long.parseLong(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }

    private void putLease(String id, Lease lease) {
        leases.put(
                id,
                lease.owner() + '\t' + lease.epoch() + '\t' + lease.expiresAt().toEpochMilli());
        store.commit();
    }

    @Override
    public boolean reachable() {
        return !store.isClosed();
    }

    private String write(Generation generation) {
        return documents.json(generation);
    }

    private Generation read(String json) {
        return documents.fromJson(json);
    }
}
