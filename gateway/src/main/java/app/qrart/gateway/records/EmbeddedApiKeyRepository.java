package app.qrart.gateway.records;

import app.qrart.gateway.auth.ApiKey;
import app.qrart.gateway.auth.ApiKeyRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** Keys and their daily counts in the embedded store: key id → JSON, "id|day" → count. */
public class EmbeddedApiKeyRepository implements ApiKeyRepository {

    private final MVStore store;
    private final MVMap<String, String> keys;
    private final MVMap<String, Integer> usage;
    private final ObjectMapper mapper;

    public EmbeddedApiKeyRepository(MVStore store, ObjectMapper mapper) {
        this.store = store;
        this.keys = store.openMap("api-keys");
        this.usage = store.openMap("api-key-usage");
        this.mapper = mapper;
    }

    @Override
    public void save(ApiKey key) {
        synchronized (store) {
            keys.put(key.id(), write(key));
            store.commit();
        }
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return Optional.ofNullable(keys.get(id)).map(this::read);
    }

    @Override
    public List<ApiKey> all() {
        return keys.values().stream().map(this::read).toList();
    }

    @Override
    public OptionalInt countUse(String id, LocalDate day, int limit) {
        synchronized (store) {
            int used = usage.getOrDefault(usageKey(id, day), 0);
            if (used >= limit) {
                return OptionalInt.empty();
            }
            usage.put(usageKey(id, day), used + 1);
            store.commit();
            return OptionalInt.of(used + 1);
        }
    }

    @Override
    public void uncountUse(String id, LocalDate day) {
        synchronized (store) {
            int used = usage.getOrDefault(usageKey(id, day), 0);
            if (used > 0) {
                usage.put(usageKey(id, day), used - 1);
                store.commit();
            }
        }
    }

    @Override
    public Map<LocalDate, Integer> usageSince(String id, LocalDate from) {
        Map<LocalDate, Integer> days = new TreeMap<>();
        String prefix = id + "|";
        String key = usage.ceilingKey(usageKey(id, from));
        while (key != null && key.startsWith(prefix)) {
            days.put(LocalDate.parse(key.substring(prefix.length())), usage.get(key));
            key = usage.higherKey(key);
        }
        return days;
    }

    private static String usageKey(String id, LocalDate day) {
        return id + "|" + day;
    }

    private String write(ApiKey key) {
        try {
            return mapper.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiKey read(String json) {
        try {
            return mapper.readValue(json, ApiKey.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
