package app.qrart.gateway.records;

import app.qrart.gateway.job.GalleryCursor;
import app.qrart.gateway.job.GalleryFilter;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.GenerationStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded default: maps of the gateway's H2 MVStore file. Every save is committed before it
 * returns, so records survive a restart; MVMap is safe for concurrent readers and writers, and
 * writes of all maps commit under the store's lock.
 */
public class EmbeddedGenerationRepository implements GenerationRepository {

    private final MVStore store;
    private final MVMap<String, String> byId;
    private final MVMap<String, String> gallery;
    private final GenerationDocuments documents;

    public EmbeddedGenerationRepository(MVStore store, ObjectMapper mapper) {
        this.store = store;
        this.byId = store.openMap("generations");
        this.gallery = store.openMap("gallery");
        this.documents = new GenerationDocuments(mapper);
    }

    @Override
    public void save(Generation generation) {
        synchronized (store) {
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
    public List<Generation> unfinished() {
        List<Generation> open = new ArrayList<>();
        for (Map.Entry<String, String> entry : byId.entrySet()) {
            Generation generation = read(entry.getValue());
            if (!generation.status().terminal()) {
                open.add(generation);
            }
        }
        return open;
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
