package app.qrart.gateway.auth;

import java.time.Instant;
import java.util.List;

/**
 * An API key as stored: its public id (the prefix a key starts with), a name, the SHA-256 of
 * the whole key (never the key itself), its limits, the browser origins it may be used from
 * (empty: any, and calls without an Origin) and when it was revoked, if it was.
 */
public record ApiKey(
        String id,
        String name,
        String hash,
        int perMinute,
        int dailyQuota,
        List<String> allowedOrigins,
        Instant createdAt,
        Instant revokedAt) {

    public ApiKey {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public ApiKey revoke(Instant now) {
        return revoked() ? this : new ApiKey(id, name, hash, perMinute, dailyQuota, allowedOrigins, createdAt, now);
    }

    /** A browser's Origin header is allowed; calls without one (servers, scripts) always are. */
    public boolean allowsOrigin(String origin) {
        return origin == null || allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
    }
}
