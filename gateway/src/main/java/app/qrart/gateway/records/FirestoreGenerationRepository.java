package app.qrart.gateway.records;

import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.job.GalleryCursor;
import app.qrart.gateway.job.GalleryFilter;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.GenerationStatus;
import app.qrart.gateway.job.Lease;
import app.qrart.gateway.job.LeaseLostException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.ListenerRegistration;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Production records in Firestore: one document per generation, the gallery by an indexed key.
 * A job's lease lives in its document ({@code leaseOwner}, {@code leaseEpoch},
 * {@code leaseExpiresAt}) and changes only in transactions, timed by the transaction's read time;
 * every change of hands is appended to {@code leases} and every held write stamps {@code writer}.
 * Waiting jobs are found by status and lease expiry (a composite index); an ended job has no
 * expiry, so it is never found.
 */
public class FirestoreGenerationRepository implements GenerationRepository {

    static final String GALLERY_KEY = "galleryKey";
    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_EPOCH = "leaseEpoch";
    static final String LEASE_EXPIRES = "leaseExpiresAt";
    static final String LEASE_HISTORY = "leases";
    static final String WRITER = "writer";
    private static final List<String> OPEN = List.of("queued", "running");
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
        Map<String, Object> document = fields(generation);
        DocumentReference reference = collection.document(generation.id());
        Lease held = generation.lease();
        if (held == null) {
            document.put(LEASE_EPOCH, 0L);
            document.put(LEASE_EXPIRES, generation.status().terminal() ? null : FieldValue.serverTimestamp());
            calls.await(reference.set(document));
            return;
        }
        document.put(WRITER, Map.of("owner", held.owner(), "epoch", held.epoch()));
        if (generation.status().terminal()) {
            document.put(LEASE_EXPIRES, FieldValue.delete());
        }
        boolean written = calls.transact(transaction -> {
            if (!holds(transaction.get(reference).get(), held)) {
                return false;
            }
            transaction.update(reference, document);
            FirestoreCalls.wrote();
            return true;
        });
        if (!written) {
            throw new LeaseLostException(generation.id(), held);
        }
    }

    private Map<String, Object> fields(Generation generation) {
        Map<String, Object> document = new HashMap<>(documents.document(generation));
        document.put(GALLERY_KEY, generation.status() == GenerationStatus.DONE ? GalleryCursor.of(generation) : null);
        return document;
    }

    @Override
    public List<Generation> waiting(int limit) {
        Query query = collection
                .whereIn("status", OPEN)
                .whereLessThanOrEqualTo(LEASE_EXPIRES, Timestamp.now())
                .orderBy(LEASE_EXPIRES)
                .limit(limit);
        return calls.await(query.get()).getDocuments().stream()
                .map(doc -> read(doc.getData()))
                .sorted(Comparator.comparing(Generation::createdAt))
                .toList();
    }

    @Override
    public int adoptUnleased() {
        int adopted = 0;
        for (QueryDocumentSnapshot doc :
                calls.await(collection.whereIn("status", OPEN).get()).getDocuments()) {
            if (!doc.contains(LEASE_EXPIRES)) {
                calls.await(doc.getReference().update(LEASE_EXPIRES, FieldValue.serverTimestamp()));
                adopted++;
            }
        }
        return adopted;
    }

    @Override
    public Optional<Generation> claim(String id, String owner, Duration duration) {
        DocumentReference reference = collection.document(id);
        return calls.transact(transaction -> {
            DocumentSnapshot snapshot = transaction.get(reference).get();
            Timestamp now = snapshot.getReadTime();
            Timestamp lapses = snapshot.exists() ? snapshot.getTimestamp(LEASE_EXPIRES) : null;
            if (!open(snapshot) || (lapses != null && lapses.compareTo(now) > 0)) {
                return Optional.<Generation>empty();
            }
            Long previous = snapshot.getLong(LEASE_EPOCH);
            Lease taken = new Lease(
                    owner, previous == null ? 1 : previous + 1, instant(now).plus(duration));
            Map<String, Object> change = new HashMap<>();
            change.put("owner", owner);
            change.put("epoch", taken.epoch());
            change.put("takenAt", now);
            if (lapses != null) {
                change.put("freeSince", lapses);
            }
            transaction.update(
                    reference,
                    Map.of(
                            LEASE_OWNER, owner,
                            LEASE_EPOCH, taken.epoch(),
                            LEASE_EXPIRES, timestamp(taken.expiresAt()),
                            LEASE_HISTORY, FieldValue.arrayUnion(change)));
            FirestoreCalls.wrote();
            return Optional.of(read(snapshot.getData()).withLease(taken));
        });
    }

    @Override
    public Optional<Lease> renew(String id, Lease held, Duration duration) {
        DocumentReference reference = collection.document(id);
        return calls.transact(transaction -> {
            DocumentSnapshot snapshot = transaction.get(reference).get();
            if (!holds(snapshot, held)) {
                return Optional.<Lease>empty();
            }
            Lease renewed = new Lease(
                    held.owner(), held.epoch(), instant(snapshot.getReadTime()).plus(duration));
            transaction.update(reference, LEASE_EXPIRES, timestamp(renewed.expiresAt()));
            FirestoreCalls.wrote();
            return Optional.of(renewed);
        });
    }

    @Override
    public void release(String id, Lease held) {
        DocumentReference reference = collection.document(id);
        calls.transact(transaction -> {
            DocumentSnapshot snapshot = transaction.get(reference).get();
            if (holds(snapshot, held)) {
                Timestamp now = snapshot.getReadTime();
                transaction.update(
                        reference,
                        Map.of(
                                LEASE_EXPIRES,
                                now,
                                LEASE_HISTORY,
                                FieldValue.arrayUnion(
                                        Map.of("owner", held.owner(), "epoch", held.epoch(), "releasedAt", now))));
                FirestoreCalls.wrote();
            }
            return null;
        });
    }

    private static boolean open(DocumentSnapshot snapshot) {
        return snapshot.exists() && OPEN.contains(snapshot.getString("status"));
    }

    /** Whether the job is unfinished and its lease is this hold (lapsed or not: nobody else took it). */
    private static boolean holds(DocumentSnapshot snapshot, Lease held) {
        if (!open(snapshot)) {
            return false;
        }
        Long epoch = snapshot.getLong(LEASE_EPOCH);
        return held.owner().equals(snapshot.getString(LEASE_OWNER)) && epoch != null && epoch == held.epoch();
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
    }

    /**
     * Watches the job's document (a snapshot listener: one read, then one per change) instead of
     * reading it every {@code poll}; falls back to reading when the watch fails.
     */
    @Override
    public Optional<Generation> awaitEnd(String id, Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Optional<Generation>> ended = new CompletableFuture<>();
        ListenerRegistration watch = collection.document(id).addSnapshotListener((snapshot, error) -> {
            if (error != null) {
                ended.completeExceptionally(error);
                return;
            }
            FirestoreCalls.read();
            if (snapshot == null || !snapshot.exists()) {
                ended.complete(Optional.empty());
            } else if (!OPEN.contains(snapshot.getString("status"))) {
                ended.complete(Optional.of(read(snapshot.getData())));
            }
        });
        try {
            return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return find(id);
        } catch (ExecutionException e) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            return GenerationRepository.super.awaitEnd(id, left, poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return find(id);
        } finally {
            watch.remove();
        }
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
        int batchSize = filter.passesAll() ? limit : SCAN_BATCH;
        while (items.size() < limit) {
            Query query = collection
                    .whereGreaterThan(GALLERY_KEY, after == null ? "" : after)
                    .orderBy(GALLERY_KEY)
                    .limit(batchSize);
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
            if (batch.size() < batchSize) {
                return new Page(items, null);
            }
        }
        return new Page(items, last);
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
        for (String key : List.of(GALLERY_KEY, LEASE_OWNER, LEASE_EPOCH, LEASE_EXPIRES, LEASE_HISTORY, WRITER)) {
            copy.remove(key);
        }
        return documents.fromDocument(copy);
    }
}
