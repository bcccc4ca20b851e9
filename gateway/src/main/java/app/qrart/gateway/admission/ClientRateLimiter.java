package app.qrart.gateway.admission;

import app.qrart.gateway.config.AdmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per client: a burst, then a steady rate; a refusal says when the next token comes. */
@ApplicationScoped
public class ClientRateLimiter {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final AdmissionConfig config;
    private static final long PURGE_EVERY_NANOS = 1_000_000_000L;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastPurge = System.nanoTime() - PURGE_EVERY_NANOS;

    public ClientRateLimiter(AdmissionConfig config) {
        this.config = config;
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /** Takes one generation from the client's allowance, or refuses saying when the next token comes. */
    public void acquire(String client) {
        long now = System.nanoTime();
        // At most one sweep a second: when many clients are active a sweep frees little, and it is O(n).
        if (buckets.size() >= config.maxTrackedClients() && now - lastPurge >= PURGE_EVERY_NANOS) {
            lastPurge = now;
            forgetFullBuckets(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(config.perClientBurst(), now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            double perNano = config.perClientPerMinute() / NANOS_PER_MINUTE;
            int wait = (int) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
            throw new ClientOverRateException(config.perClientBurst(), config.perClientPerMinute(), Math.max(1, wait));
        }
    }

    private void refill(Bucket bucket, long now) {
        double perNano = config.perClientPerMinute() / NANOS_PER_MINUTE;
        bucket.tokens = Math.min(config.perClientBurst(), bucket.tokens + (now - bucket.refilledAt) * perNano);
        bucket.refilledAt = now;
    }

    private void forgetFullBuckets(long now) {
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                refill(entry.getValue(), now);
                return entry.getValue().tokens >= config.perClientBurst();
            }
        });
    }
}
