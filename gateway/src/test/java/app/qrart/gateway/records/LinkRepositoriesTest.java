package app.qrart.gateway.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.links.LinkRepository;
import app.qrart.gateway.links.LinkRepository.ScanKey;
import app.qrart.gateway.links.Platform;
import app.qrart.gateway.links.ShortLink;
import app.qrart.gateway.support.Configs;
import app.qrart.gateway.support.RecordStores;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both short-link adapters, the embedded file and Firestore (the emulator): a code is taken once,
 * changes are kept with their history, and scan counts add up when many writers add at once
 * (two Firestore clients stand for two replicas).
 */
class LinkRepositoriesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-07");
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final StorageConfig.Firestore FIRESTORE =
            Configs.of(StorageConfig.class, Map.of()).firestore();
    private static final ObjectMapper MAPPER = RecordStores.MAPPER;

    private static RecordStores stores;

    @BeforeAll
    static void start() throws Exception {
        stores = RecordStores.start("qrart-links-test");
    }

    @AfterAll
    static void stop() throws Exception {
        stores.close();
    }

    static Stream<String> stores() {
        return RecordStores.kinds();
    }

    private static LinkRepository store(String kind) {
        return kind.equals("embedded")
                ? new EmbeddedLinkRepository(stores.embedded(), MAPPER)
                : new FirestoreLinkRepository(stores.firestore(), FIRESTORE);
    }

    private static ShortLink link(String code, String destination) {
        return new ShortLink(
                code,
                destination,
                null,
                "hash-" + code,
                false,
                NOW,
                List.of(new ShortLink.Change(NOW, destination, false)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aCodeIsTakenOnceAndALinkReadsBackWithItsChanges(String kind) {
        LinkRepository links = store(kind);
        String code = kind.equals("embedded") ? "EMBED2345" : "FIRES2345";
        ShortLink first = link(code, "https://example.com/first");
        assertTrue(links.create(first));
        assertFalse(links.create(link(code, "https://example.com/other")), "a taken code is refused");
        assertEquals(first, links.find(code).orElseThrow());

        Instant later = NOW.plusSeconds(60);
        ShortLink changed = new ShortLink(
                code,
                "https://example.com/second",
                null,
                "hash-" + code,
                true,
                NOW,
                List.of(
                        new ShortLink.Change(NOW, "https://example.com/first", false),
                        new ShortLink.Change(later, "https://example.com/second", true)));
        links.save(changed);
        assertEquals(changed, links.find(code).orElseThrow());
        assertTrue(links.all().contains(changed));
        links.delete(code);
        assertTrue(links.find(code).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void scansAddUpPerDayAndPlatform(String kind) {
        LinkRepository links = store(kind);
        String code = kind.equals("embedded") ? "COUNT2345" : "COUNT6789";
        links.addScans(Map.of(new ScanKey(code, DAY, Platform.IOS), 3L, new ScanKey(code, DAY, Platform.OTHER), 1L));
        links.addScans(Map.of(
                new ScanKey(code, DAY, Platform.IOS), 2L,
                new ScanKey(code, DAY.minusDays(1), Platform.ANDROID), 4L,
                new ScanKey(code, DAY.minusDays(40), Platform.ANDROID), 9L,
                new ScanKey("OTHER2345", DAY, Platform.IOS), 7L));
        Map<LocalDate, Map<Platform, Long>> days = links.scansSince(code, DAY.minusDays(29));
        assertEquals(2, days.size(), days.toString());
        assertEquals(5L, days.get(DAY).get(Platform.IOS));
        assertEquals(1L, days.get(DAY).get(Platform.OTHER));
        assertEquals(4L, days.get(DAY.minusDays(1)).get(Platform.ANDROID));
    }

    @Test
    void twoFirestoreClientsIncrementingOneCountAtOnceLoseNothing() throws Exception {
        List<LinkRepository> replicas = List.of(
                new FirestoreLinkRepository(stores.firestore(), FIRESTORE),
                new FirestoreLinkRepository(stores.secondClient(), FIRESTORE));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                LinkRepository replica = replicas.get(i % 2);
                writes.add(pool.submit(
                        () -> replica.addScans(Map.of(new ScanKey("RACE23456", DAY, Platform.ANDROID), 5L))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200L, replicas.get(0).scansSince("RACE23456", DAY).get(DAY).get(Platform.ANDROID));
    }
}
