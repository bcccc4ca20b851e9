package app.qrart.gateway.records;

import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.job.GalleryCursor;
import app.qrart.gateway.job.GalleryFilter;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.GenerationStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Production records in Firestore: one document per generation, the gallery by an indexed key. */
public class FirestoreGenerationRepository implements GenerationRepository {

    static final String GALLERY_KEY = "galleryKey";
    private static final int SCAN_BATCH = 100;

    private final FirestoreCalls calls;
    private final CollectionReference collection;
    private final GenerationDocuments documents;

    public FirestoreGenerationRepository(Firestore firestore, StorageConfig.Firestore config, ObjectMapper mapper) {
        this.calls = new FirestoreCalls(firestore, config);
        this.collection = firestore.collection(config.collection());
        this.documents = new GenerationDocuments(mapper);
    }

    @Override
    public void save(Generation generation) {
        Map<String, Object> document = new HashMap<>(documents.document(generation));
        document.put(GALLERY_KEY, generation.status() == GenerationStatus.DONE ? GalleryCursor.of(generation) : null);
        calls.await(collection.document(generation.id()).set(document));
    }

    @Override
    public Optional<Generation> find(String id) {
        DocumentSnapshot snapshot = calls.await(collection.document(id).get());
        return snapshot.exists() ? Optional.of(read(snapshot.getData())) : Optional.empty();
    }

    @Override
    public Page page(String cursor, int limit, GalleryFilter filter) {
        List<Generation> items = new ArrayList<>();
        String after = cursor;
        String last = null;
        while (items.size() < limit) {
            Query query = collection
                    .whereGreaterThan(GALLERY_KEY, after == null ? "" : after)
                    .orderBy(GALLERY_KEY)
                    .limit(SCAN_BATCH);
            List<QueryDocumentSnapshot> batch = calls.await(query.get()).getDocuments();
            for (QueryDocumentSnapshot doc : batch) {
                after = doc.getString(GALLERY_KEY);
                Generation generation = read(doc.getData());
                if (filter.matches(generation)) {
                    items.add(generation);
                    last = after;
                    if (items.size() == limit) {
                        return new Page(items, last);
                    }
                }
            }
            if (batch.size() < SCAN_BATCH) {
                return new Page(items, null);
            }
        }
        return new Page(items, last);
    }

    @Override
    public List<Generation> unfinished() {
        List<Generation> open = new ArrayList<>();
        for (String status : List.of("queued", "running")) {
            for (QueryDocumentSnapshot doc :
                    calls.await(collection.whereEqualTo("status", status).get()).getDocuments()) {
                open.add(read(doc.getData()));
            }
        }
        return open;
    }

    @Override
    public boolean reachable() {
        try {
            calls.await(collection.limit(1).get());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Generation read(Map<String, Object> data) {
        Map<String, Object> copy = new HashMap<>(data);
        copy.remove(GALLERY_KEY);
        return documents.fromDocument(copy);
    }
}
