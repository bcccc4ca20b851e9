package app.qrart.gateway.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.config.LinkConfig;
import app.qrart.gateway.support.Configs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Scans counted in memory and flushed as increments; a store outage keeps them up to a bound. */
class ScanCounterTest {

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)";
    private static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8)";

    /** A store of counts in memory that can be switched off. */
    private static final class Counts implements LinkRepository {
        final Map<ScanKey, Long> stored = new HashMap<>();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public void addScans(Map<ScanKey, Long> scans) {
            if (down.get()) {
                throw new IllegalStateException("store down");
            }
            scans.forEach((key, count) -> stored.merge(key, count, Long::sum));
        }

        long of(Platform platform) {
            return stored.getOrDefault(new ScanKey("CODE2", today(), platform), 0L);
        }

        @Override
        public boolean create(ShortLink link) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ShortLink> find(String code) {
            return Optional.empty();
        }

        @Override
        public void save(ShortLink link) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ShortLink> all() {
            return List.of();
        }

        @Override
        public Map<LocalDate, Map<Platform, Long>> scansSince(String code, LocalDate from) {
            return Map.of();
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static ScanCounter counter(Counts store, int maxPending) {
        LinkConfig config =
                Configs.of(LinkConfig.class, Map.of("qrart.links.max-pending-counts", String.valueOf(maxPending)));
        return new ScanCounter(store, config, new SimpleMeterRegistry());
    }

    @Test
    void scansAreSummedPerPlatformAndWrittenOnFlush() {
        Counts store = new Counts();
        ScanCounter counter = counter(store, 100);
        for (int i = 0; i < 3; i++) {
            counter.count("CODE2", IPHONE);
        }
        counter.count("CODE2", ANDROID);
        assertEquals(0, store.stored.size(), "nothing is written before a flush");
        counter.flush();
        assertEquals(3L, store.of(Platform.IOS));
        assertEquals(1L, store.of(Platform.ANDROID));
        counter.flush();
        assertEquals(3L, store.of(Platform.IOS), "a flush writes each count once");
    }

    @Test
    void countsWaitThroughAStoreOutageUpToTheBoundThenNewOnesAreDropped() {
        Counts store = new Counts();
        ScanCounter counter = counter(store, 1);
        store.down.set(true);
        counter.count("CODE2", IPHONE);
        counter.flush();
        counter.count("CODE2", IPHONE);
        counter.count("CODE2", ANDROID);
        store.down.set(false);
        counter.flush();
        assertEquals(2L, store.of(Platform.IOS), "the count kept through the outage and the later one");
        assertEquals(0L, store.of(Platform.ANDROID), "a new count past the bound is dropped");
    }

    @Test
    void linkPreviewBotsAreNotScans() {
        ScanCounter counter = counter(new Counts(), 100);
        assertFalse(counter.isScan("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"));
        assertFalse(counter.isScan("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"));
        assertTrue(counter.isScan(IPHONE));
        assertTrue(counter.isScan(null));
    }
}
