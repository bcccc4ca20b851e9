package app.qrart.gateway.records;

import app.qrart.gateway.auth.ApiKey;
import app.qrart.gateway.auth.ApiKeyRepository;
import app.qrart.gateway.config.StorageConfig;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Keys in one Firestore collection (document id = key id) and daily counts in another (document
 * id = "id_day"), counted in transactions so replicas never pass a quota together.
 */
public class FirestoreApiKeyRepository implements ApiKeyRepository {

    private final FirestoreCalls calls;
    private final CollectionReference keys;
    private final CollectionReference usage;

    public FirestoreApiKeyRepository(Firestore firestore, StorageConfig.Firestore config) {
        this.calls = new FirestoreCalls(firestore, config);
        this.keys = firestore.collection(config.apiKeysCollection());
        this.usage = firestore.collection(config.apiKeyUsageCollection());
    }

    @Override
    public void save(ApiKey key) {
        Map<String, Object> document = new HashMap<>();
        document.put("name", key.name());
        document.put("hash", key.hash());
        document.put("perMinute", key.perMinute());
        document.put("dailyQuota", key.dailyQuota());
        document.put("allowedOrigins", key.allowedOrigins());
        document.put("createdAt", key.createdAt().toString());
        document.put(
                "revokedAt", key.revokedAt() == null ? null : key.revokedAt().toString());
        calls.await(keys.document(key.id()).set(document));
    }

    @Override
    public Optional<ApiKey> find(String id) {
        DocumentSnapshot snapshot = calls.await(keys.document(id).get());
        return snapshot.exists() ? Optional.of(read(snapshot)) : Optional.empty();
    }

    @Override
    public List<ApiKey> all() {
        return calls.await(keys.get()).getDocuments().stream().map(this::read).toList();
    }

    @Override
    public OptionalInt countUse(String id, LocalDate day, int limit) {
        DocumentReference counter = usage.document(usageId(id, day));
        int after = calls.transact(transaction -> {
            int used = count(transaction.get(counter).get());
            if (used >= limit) {
                return -1;
            }
            transaction.set(counter, Map.of("keyId", id, "day", day.toString(), "generations", used + 1));
            FirestoreCalls.wrote();
            return used + 1;
        });
        return after < 0 ? OptionalInt.empty() : OptionalInt.of(after);
    }

    @Override
    public void uncountUse(String id, LocalDate day) {
        DocumentReference counter = usage.document(usageId(id, day));
        calls.transact(transaction -> {
            int used = count(transaction.get(counter).get());
            if (used > 0) {
                transaction.set(counter, Map.of("keyId", id, "day", day.toString(), "generations", used - 1));
                FirestoreCalls.wrote();
            }
            return null;
        });
    }

    @Override
    public Map<LocalDate, Integer> usageSince(String id, LocalDate from) {
        Map<LocalDate, Integer> days = new TreeMap<>();
        for (QueryDocumentSnapshot doc :
                calls.await(usage.whereEqualTo("keyId", id).get()).getDocuments()) {
            LocalDate day = LocalDate.parse(doc.getString("day"));
            if (!day.isBefore(from)) {
                days.put(day, count(doc));
            }
        }
        return days;
    }

    private static String usageId(String id, LocalDate day) {
        return id + "_" + day;
    }

    private static int count(DocumentSnapshot counter) {
        Long generations = counter.exists() ? counter.getLong("generations") : null;
        return generations == null ? 0 : generations.intValue();
    }

    @SuppressWarnings("unchecked")
    private ApiKey read(DocumentSnapshot doc) {
        String revoked = doc.getString("revokedAt");
        Object origins = doc.get("allowedOrigins");
        return new ApiKey(
                doc.getId(),
                doc.getString("name"),
                doc.getString("hash"),
                doc.getLong("perMinute").intValue(),
                doc.getLong("dailyQuota").intValue(),
                origins instanceof List<?> list ? (List<String>) list : List.of(),
                Instant.parse(doc.getString("createdAt")),
                revoked == null ? null : Instant.parse(revoked));
    }
}
