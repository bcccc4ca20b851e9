package app.qrart.gateway.admission;

import app.qrart.gateway.config.AdmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link TokenBucket} per identity (an address, or a key) in this replica's memory: a burst, then
 * a steady rate; a refusal says when the next token comes. Anonymous callers' limits are per
 * replica; keys' are shared through {@link KeyRates} where replicas share a record store.
 */
@ApplicationScoped
public class ClientRateLimiter {

    private static final long PURGE_EVERY_NANOS = 1_000_000_000L;

    private final AdmissionConfig config;
    private final ConcurrentHashMap<String, Held> buckets = new ConcurrentHashMap<>();
    private volatile long lastPurge = System.nanoTime() - PURGE_EVERY_NANOS;

    public ClientRateLimiter(AdmissionConfig config) {
        this.config = config;
    }

    private record Held(TokenBucket.Rate rate, TokenBucket bucket) {}

    /** Takes one generation from the identity's allowance and says what is left, or refuses. */
    public Allowance acquire(String identity, TokenBucket.Rate rate, String who) {
        long now = System.nanoTime();
        // At most one sweep a second: when many clients are active a sweep frees little, and it is O(n).
        if (buckets.size() >= config.maxTrackedClients() && now - lastPurge >= PURGE_EVERY_NANOS) {
            lastPurge = now;
            buckets.values()
                    .removeIf(held -> held.bucket().refilled(held.rate(), now).full(held.rate()));
        }
        AtomicReference<Allowance> allowance = new AtomicReference<>();
        buckets.compute(identity, (key, held) -> {
            TokenBucket bucket = held == null ? TokenBucket.full(rate, now) : held.bucket();
            TokenBucket.Taken taken = bucket.take(rate, now, who);
            allowance.set(taken.allowance());
            return new Held(rate, taken.bucket());
        });
        return allowance.get();
    }
}
