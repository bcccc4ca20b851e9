package app.qrart.gateway.records;

import app.qrart.gateway.links.LinkRepository;
import app.qrart.gateway.links.Platform;
import app.qrart.gateway.links.ShortLink;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** Short links and their scans in the embedded store: code → JSON, "code|day|platform" → count. */
public class EmbeddedLinkRepository implements LinkRepository {

    private final MVStore store;
    private final MVMap<String, String> links;
    private final MVMap<String, Long> scans;
    private final ObjectMapper mapper;

    public EmbeddedLinkRepository(MVStore store, ObjectMapper mapper) {
        this.store = store;
        this.links = store.openMap("short-links");
        this.scans = store.openMap("short-link-scans");
        this.mapper = mapper;
    }

    @Override
    public boolean create(ShortLink link) {
        synchronized (store) {
            if (links.putIfAbsent(link.code(), write(link)) != null) {
                return false;
            }
            store.commit();
            return true;
        }
    }

    @Override
    public Optional<ShortLink> find(String code) {
        return Optional.ofNullable(links.get(code)).map(this::read);
    }

    @Override
    public void save(ShortLink link) {
        synchronized (store) {
            links.put(link.code(), write(link));
            store.commit();
        }
    }

    @Override
    public void delete(String code) {
        synchronized (store) {
            links.remove(code);
            store.commit();
        }
    }

    @Override
    public List<ShortLink> all() {
        return links.values().stream().map(this::read).toList();
    }

    @Override
    public void addScans(Map<ScanKey, Long> added) {
        synchronized (store) {
            added.forEach((key, count) -> scans.merge(scanKey(key), count, Long::sum));
            store.commit();
        }
    }

    @Override
    public Map<LocalDate, Map<Platform, Long>> scansSince(String code, LocalDate from) {
        Map<LocalDate, Map<Platform, Long>> days = new TreeMap<>();
        String prefix = code + "|";
        String key = scans.ceilingKey(prefix + from);
        while (key != null && key.startsWith(prefix)) {
            String[] parts = key.split("\\|");
            days.computeIfAbsent(LocalDate.parse(parts[1]), day -> new EnumMap<>(Platform.class))
                    .put(Platform.valueOf(parts[2]), scans.get(key));
            key = scans.higherKey(key);
        }
        return days;
    }

    private static String scanKey(ScanKey key) {
        return key.code() + "|" + key.day() + "|" + key.platform().name();
    }

    private String write(ShortLink link) {
        try {
            return mapper.writeValueAsString(link);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ShortLink read(String json) {
        try {
            return mapper.readValue(json, ShortLink.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
