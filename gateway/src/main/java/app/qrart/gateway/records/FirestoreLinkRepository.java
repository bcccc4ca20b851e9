package app.qrart.gateway.records;

import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.links.LinkRepository;
import app.qrart.gateway.links.Platform;
import app.qrart.gateway.links.ShortLink;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.SetOptions;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Short links in one collection (document id = code) and their scans in another (document id =
 * "code_day", one field per platform), added with {@code FieldValue.increment} so every replica
 * counts into the same document without a transaction.
 */
public class FirestoreLinkRepository implements LinkRepository {

    /** Firestore's limit of writes in one batch. */
    private static final int MAX_BATCH = 500;

    private final FirestoreCalls calls;
    private final CollectionReference links;
    private final CollectionReference scans;

    public FirestoreLinkRepository(Firestore firestore, StorageConfig.Firestore config) {
        this.calls = new FirestoreCalls(firestore, config);
        this.links = firestore.collection(config.linksCollection());
        this.scans = firestore.collection(config.linkScansCollection());
    }

    @Override
    public boolean create(ShortLink link) {
        DocumentReference document = links.document(link.code());
        return calls.transact(transaction -> {
            if (transaction.get(document).get().exists()) {
                return false;
            }
            transaction.create(document, write(link));
            FirestoreCalls.wrote();
            return true;
        });
    }

    @Override
    public Optional<ShortLink> find(String code) {
        DocumentSnapshot snapshot = calls.await(links.document(code).get());
        return snapshot.exists() ? Optional.of(read(snapshot)) : Optional.empty();
    }

    @Override
    public void save(ShortLink link) {
        calls.await(links.document(link.code()).set(write(link)));
    }

    @Override
    public void delete(String code) {
        calls.await(links.document(code).delete());
    }

    @Override
    public List<ShortLink> all() {
        return calls.await(links.get()).getDocuments().stream().map(this::read).toList();
    }

    @Override
    public void addScans(Map<ScanKey, Long> added) {
        List<Map.Entry<ScanKey, Long>> entries = new ArrayList<>(added.entrySet());
        for (int from = 0; from < entries.size(); from += MAX_BATCH) {
            WriteBatch batch = calls.firestore().batch();
            for (Map.Entry<ScanKey, Long> entry : entries.subList(from, Math.min(entries.size(), from + MAX_BATCH))) {
                ScanKey key = entry.getKey();
                Map<String, Object> fields = new HashMap<>();
                fields.put("code", key.code());
                fields.put("day", key.day().toString());
                fields.put(key.platform().apiName(), FieldValue.increment(entry.getValue()));
                batch.set(scans.document(key.code() + "_" + key.day()), fields, SetOptions.merge());
            }
            calls.await(batch.commit());
        }
    }

    @Override
    public Map<LocalDate, Map<Platform, Long>> scansSince(String code, LocalDate from) {
        Map<LocalDate, Map<Platform, Long>> days = new TreeMap<>();
        for (QueryDocumentSnapshot doc :
                calls.await(scans.whereEqualTo("code", code).get()).getDocuments()) {
            LocalDate day = LocalDate.parse(doc.getString("day"));
            if (day.isBefore(from)) {
                continue;
            }
            Map<Platform, Long> counts = new EnumMap<>(Platform.class);
            for (Platform platform : Platform.values()) {
                Long count = doc.getLong(platform.apiName());
                counts.put(platform, count == null ? 0L : count);
            }
            days.put(day, counts);
        }
        return days;
    }

    private static Map<String, Object> write(ShortLink link) {
        Map<String, Object> document = new HashMap<>();
        document.put("destination", link.destination());
        document.put("ownerKeyId", link.ownerKeyId());
        document.put("editTokenHash", link.editTokenHash());
        document.put("disabled", link.disabled());
        document.put("createdAt", link.createdAt().toString());
        document.put(
                "history",
                link.history().stream()
                        .map(change -> Map.<String, Object>of(
                                "at", change.at().toString(),
                                "destination", change.destination(),
                                "disabled", change.disabled()))
                        .toList());
        return document;
    }

    private ShortLink read(DocumentSnapshot doc) {
        List<ShortLink.Change> history = new ArrayList<>();
        Object stored = doc.get("history");
        if (stored instanceof List<?> changes) {
            for (Object change : changes) {
                if (change instanceof Map<?, ?> fields) {
                    history.add(new ShortLink.Change(
                            Instant.parse((String) fields.get("at")),
                            (String) fields.get("destination"),
                            Boolean.TRUE.equals(fields.get("disabled"))));
                }
            }
        }
        return new ShortLink(
                doc.getId(),
                doc.getString("destination"),
                doc.getString("ownerKeyId"),
                doc.getString("editTokenHash"),
                Boolean.TRUE.equals(doc.getBoolean("disabled")),
                Instant.parse(doc.getString("createdAt")),
                history);
    }
}
