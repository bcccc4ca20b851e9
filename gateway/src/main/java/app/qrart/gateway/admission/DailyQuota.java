package app.qrart.gateway.admission;

import app.qrart.gateway.auth.ApiKey;
import app.qrart.gateway.auth.ApiKeyRepository;
import app.qrart.gateway.auth.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;

/** A key's generations per UTC day, counted in the record store so every replica sees them. */
@ApplicationScoped
public class DailyQuota {

    private final ApiKeyRepository repository;
    private final ApiKeys keys;

    public DailyQuota(ApiKeyRepository repository, ApiKeys keys) {
        this.repository = repository;
        this.keys = keys;
    }

    /** Counts one generation for the key today, or refuses when its quota is used. */
    public Allowance charge(ApiKey key, LocalDate day) {
        long reset = secondsUntilEndOf(day);
        OptionalInt used = repository.countUse(key.id(), day, key.dailyQuota());
        Allowance quota =
                new Allowance(key.dailyQuota(), key.dailyQuota() - used.orElse(key.dailyQuota()), reset, Allowance.DAY);
        if (used.isEmpty()) {
            throw new QuotaExhaustedException(quota);
        }
        return quota;
    }

    public void refund(ApiKey key, LocalDate day) {
        repository.uncountUse(key.id(), day);
    }

    public LocalDate today() {
        return keys.today();
    }

    private static long secondsUntilEndOf(LocalDate day) {
        OffsetDateTime end = day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return Math.max(
                1, Duration.between(OffsetDateTime.now(ZoneOffset.UTC), end).toSeconds());
    }
}
