package app.qrart.gateway.auth;

import app.qrart.gateway.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Creating, revoking and checking API keys, and what each has used. */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final int MAX_NAME_CHARS = 100;
    private static final int MAX_ORIGINS = 20;
    /** Compared against when a key names no stored key, so an unknown id costs as long as a wrong secret. */
    private static final String NO_HASH = KeySecrets.hash("no key");

    private final ApiKeyRepository repository;
    private final AuthConfig config;
    private final KeySecrets secrets = new KeySecrets();
    private final Clock clock = Clock.systemUTC();

    public ApiKeys(ApiKeyRepository repository, AuthConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** What a key is made with; null limits take the configured defaults. */
    public record NewKey(String name, Integer perMinute, Integer dailyQuota, List<String> allowedOrigins) {}

    /** A new key: the only time the key itself is seen. */
    public record CreatedKey(String key, ApiKey record) {}

    public boolean required() {
        return config.mode() == AuthConfig.Mode.API_KEY;
    }

    public CreatedKey create(NewKey request) {
        String name = requireName(request.name());
        int perMinute =
                positive("perMinute", request.perMinute(), config.keyDefaults().perMinute());
        int dailyQuota = positive(
                "dailyQuota", request.dailyQuota(), config.keyDefaults().dailyQuota());
        List<String> origins = origins(request.allowedOrigins());
        KeySecrets.Issued issued = secrets.issue();
        ApiKey key = new ApiKey(
                issued.id(),
                name,
                KeySecrets.hash(issued.key()),
                perMinute,
                dailyQuota,
                origins,
                clock.instant(),
                null);
        repository.save(key);
        LOG.infof("API key %s created for '%s'", key.id(), name);
        return new CreatedKey(issued.key(), key);
    }

    public ApiKey revoke(String id) {
        ApiKey revoked = repository
                .find(id)
                .orElseThrow(() -> new KeyNotFoundException(id))
                .revoke(clock.instant());
        repository.save(revoked);
        LOG.infof("API key %s revoked", id);
        return revoked;
    }

    public List<ApiKey> list() {
        return repository.all().stream()
                .sorted(Comparator.comparing(ApiKey::createdAt))
                .toList();
    }

    /** The stored key a presented key matches, usable from this origin; else why not. */
    public ApiKey authenticate(String presented, String origin) {
        if (presented == null || presented.isBlank()) {
            throw new MissingKeyException();
        }
        Optional<ApiKey> stored = KeySecrets.idOf(presented).flatMap(repository::find);
        boolean matches = KeySecrets.matches(presented, stored.map(ApiKey::hash).orElse(NO_HASH));
        if (stored.isEmpty() || !matches) {
            throw new UnknownKeyException();
        }
        return usable(stored.get(), origin);
    }

    /** The key behind a verified session, if it is still usable. */
    public ApiKey forSession(String keyId, String origin) {
        return usable(repository.find(keyId).orElseThrow(UnknownKeyException::new), origin);
    }

    public Usage usage(ApiKey key) {
        LocalDate today = today();
        Map<LocalDate, Integer> counts = repository.usageSince(key.id(), today.minusDays(config.usageDays() - 1L));
        List<Usage.Day> days = new ArrayList<>();
        for (int back = 0; back < config.usageDays(); back++) {
            LocalDate day = today.minusDays(back);
            days.add(new Usage.Day(day, counts.getOrDefault(day, 0)));
        }
        int used = counts.getOrDefault(today, 0);
        return new Usage(
                key.id(),
                key.name(),
                key.perMinute(),
                key.dailyQuota(),
                today,
                used,
                Math.max(0, key.dailyQuota() - used),
                days);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static ApiKey usable(ApiKey key, String origin) {
        if (key.revoked()) {
            throw new RevokedKeyException();
        }
        if (!key.allowsOrigin(origin)) {
            throw new OriginNotAllowedException(origin);
        }
        return key;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_CHARS) {
            throw new InvalidKeyFieldException("name", "'name' is required, at most " + MAX_NAME_CHARS + " characters");
        }
        return name.strip();
    }

    private static int positive(String field, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new InvalidKeyFieldException(field, "'" + field + "' must be at least 1");
        }
        return value;
    }

    private static List<String> origins(List<String> origins) {
        if (origins == null) {
            return List.of();
        }
        if (origins.size() > MAX_ORIGINS) {
            throw new InvalidKeyFieldException("allowedOrigins", "at most " + MAX_ORIGINS + " allowed origins");
        }
        for (String origin : origins) {
            if (!isOrigin(origin)) {
                throw new InvalidKeyFieldException(
                        "allowedOrigins", "'" + origin + "' is not an origin like https://example.com");
            }
        }
        return origins;
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = URI.create(origin);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
