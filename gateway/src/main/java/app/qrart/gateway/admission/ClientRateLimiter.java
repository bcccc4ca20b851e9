package app.qrart.gateway.admission;

import app.qrart.gateway.config.AdmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per identity (an address, or a key): a burst, then a steady rate; a refusal says
 * when the next token comes.
 */
@ApplicationScoped
public class ClientRateLimiter {

    private static final double NANOS_PER_MINUTE = 60e9;
    private static final long PURGE_EVERY_NANOS = 1_000_000_000L;

    private final AdmissionConfig config;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastPurge = System.nanoTime() - PURGE_EVERY_NANOS;

    public ClientRateLimiter(AdmissionConfig config) {
        this.config = config;
    }

    /** How many generations an identity may start: at once, and per minute after that. */
    public record Rate(int burst, double perMinute) {
        double perNano() {
            return perMinute / NANOS_PER_MINUTE;
        }
    }

    private static final class Bucket {
        final Rate rate;
        double tokens;
        long refilledAt;

        Bucket(Rate rate, long now) {
            this.rate = rate;
            this.tokens = rate.burst();
            this.refilledAt = now;
        }

        void refill(long now) {
            tokens = Math.min(rate.burst(), tokens + (now - refilledAt) * rate.perNano());
            refilledAt = now;
        }

        long secondsUntil(double level) {
            return Math.max(1, (long) Math.ceil((level - tokens) / rate.perNano() / 1e9));
        }
    }

    /** Takes one generation from the identity's allowance and says what is left, or refuses. */
    public Allowance acquire(String identity, Rate rate, String who) {
        long now = System.nanoTime();
        // At most one sweep a second: when many clients are active a sweep frees little, and it is O(n).
        if (buckets.size() >= config.maxTrackedClients() && now - lastPurge >= PURGE_EVERY_NANOS) {
            lastPurge = now;
            forgetFullBuckets(now);
        }
        Bucket bucket = buckets.computeIfAbsent(identity, c -> new Bucket(rate, now));
        synchronized (bucket) {
            bucket.refill(now);
            Allowance allowance = new Allowance(
                    rate.burst(), (int) bucket.tokens, bucket.secondsUntil(rate.burst()), Allowance.MINUTE);
            if (bucket.tokens < 1) {
                throw new ClientOverRateException(
                        who, rate.burst(), rate.perMinute(), allowance.exhausted(bucket.secondsUntil(1)));
            }
            bucket.tokens -= 1;
            return new Allowance(
                    rate.burst(), (int) bucket.tokens, bucket.secondsUntil(rate.burst()), Allowance.MINUTE);
        }
    }

    private void forgetFullBuckets(long now) {
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                bucket.refill(now);
                return bucket.tokens >= bucket.rate.burst();
            }
        });
    }
}
