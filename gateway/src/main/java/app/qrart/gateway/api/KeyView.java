package app.qrart.gateway.api;

import app.qrart.gateway.auth.ApiKey;
import java.time.Instant;
import java.util.List;

/** An API key as the admin API shows it: never its hash; the key itself only once, on creation. */
public record KeyView(
        String id,
        String key,
        String name,
        int perMinute,
        int dailyQuota,
        List<String> allowedOrigins,
        Instant createdAt,
        Instant revokedAt) {

    static KeyView of(ApiKey key) {
        return created(key, null);
    }

    static KeyView created(ApiKey key, String secret) {
        return new KeyView(
                key.id(),
                secret,
                key.name(),
                key.perMinute(),
                key.dailyQuota(),
                key.allowedOrigins(),
                key.createdAt(),
                key.revokedAt());
    }
}
