package app.qrart.gateway.records;

import app.qrart.gateway.admission.Allowance;
import app.qrart.gateway.admission.ClientOverRateException;
import app.qrart.gateway.admission.KeyRates;
import app.qrart.gateway.admission.TokenBucket;
import app.qrart.gateway.config.StorageConfig;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keys' token buckets in Firestore, one transaction (a read and a write) per admitted request,
 * timed by the transaction's read time, so every replica draws on one bucket. A key whose rate a
 * single document cannot take is split over shards, each with its share of burst and rate; a
 * request tries them from a random one until one has a token. When Firestore does not answer the
 * request is refused (503), as its job could not be recorded either.
 */
public class FirestoreKeyRates implements KeyRates {

    private static final double NANOS_PER_SECOND = 1e9;

    private final FirestoreCalls calls;
    private final CollectionReference buckets;
    private final StorageConfig.Firestore config;

    public FirestoreKeyRates(Firestore firestore, StorageConfig.Firestore config) {
        this.calls = new FirestoreCalls(firestore, config);
        this.buckets = firestore.collection(config.keyRatesCollection());
        this.config = config;
    }

    @Override
    public Allowance acquire(String identity, TokenBucket.Rate rate, String who) {
        int shards = shards(rate);
        TokenBucket.Rate share = new TokenBucket.Rate(
                Math.max(1, (int) Math.ceil(rate.burst() / (double) shards)), rate.perMinute() / shards);
        int first = ThreadLocalRandom.current().nextInt(shards);
        ClientOverRateException refused = null;
        for (int i = 0; i < shards; i++) {
            int shard = (first + i) % shards;
            try {
                Allowance left = take(buckets.document(documentId(identity, shard)), share, who);
                return new Allowance(
                        rate.burst(),
                        Math.min(rate.burst(), left.remaining() * shards),
                        left.resetSeconds(),
                        left.windowSeconds());
            } catch (ClientOverRateException e) {
                refused = refused == null || e.retryAfterSeconds() < refused.retryAfterSeconds() ? e : refused;
            }
        }
        throw new ClientOverRateException(
                who,
                rate.burst(),
                rate.perMinute(),
                refused.allowance().orElseThrow().exhausted(refused.retryAfterSeconds()));
    }

    private int shards(TokenBucket.Rate rate) {
        int needed = (int) Math.ceil(rate.perMinute() / config.keyRatePerDocument());
        return Math.max(1, Math.min(config.keyRateMaxShards(), needed));
    }

    /** A token from one bucket document; a refusal is decided inside the transaction and thrown after it. */
    private Allowance take(DocumentReference document, TokenBucket.Rate rate, String who) {
        Object outcome = calls.transact(transaction -> {
            DocumentSnapshot snapshot = transaction.get(document).get();
            long now = nanos(snapshot.getReadTime());
            Double tokens = snapshot.exists() ? snapshot.getDouble("tokens") : null;
            Timestamp at = snapshot.exists() ? snapshot.getTimestamp("at") : null;
            TokenBucket bucket =
                    tokens == null || at == null ? TokenBucket.full(rate, now) : new TokenBucket(tokens, nanos(at));
            try {
                TokenBucket.Taken taken = bucket.take(rate, now, who);
                TokenBucket after = taken.bucket();
                long fullAgain = after.at() + after.secondsUntil(rate, rate.burst()) * (long) NANOS_PER_SECOND;
                transaction.set(
                        document,
                        Map.of(
                                "tokens",
                                after.tokens(),
                                "at",
                                timestamp(after.at()),
                                "expireAt",
                                timestamp(fullAgain)));
                FirestoreCalls.wrote();
                return taken.allowance();
            } catch (ClientOverRateException refused) {
                return refused;
            }
        });
        if (outcome instanceof ClientOverRateException refused) {
            throw refused;
        }
        return (Allowance) outcome;
    }

    private static String documentId(String identity, int shard) {
        return identity.replace('/', '_') + "#" + shard;
    }

    private static long nanos(Timestamp timestamp) {
        return timestamp.getSeconds() * (long) NANOS_PER_SECOND + timestamp.getNanos();
    }

    private static Timestamp timestamp(long nanos) {
        return Timestamp.ofTimeSecondsAndNanos(
                Math.floorDiv(nanos, (long) NANOS_PER_SECOND), (int) Math.floorMod(nanos, (long) NANOS_PER_SECOND));
    }
}
