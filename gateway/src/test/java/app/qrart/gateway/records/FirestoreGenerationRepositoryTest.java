package app.qrart.gateway.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.gate.ScanReport;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.job.GalleryCursor;
import app.qrart.gateway.job.GalleryFilter;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.GenerationStatus;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.Parameters;
import app.qrart.gateway.support.Configs;
import app.qrart.gateway.support.EmulatorProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Firestore adapter against the real Firestore emulator from the Google Cloud CLI. */
class FirestoreGenerationRepositoryTest {

    private static EmulatorProcess emulator;
    private static Firestore firestore;
    private static FirestoreGenerationRepository repository;

    @BeforeAll
    static void startEmulator() {
        int port = EmulatorProcess.freePort();
        emulator = EmulatorProcess.start(
                List.of("gcloud", "emulators", "firestore", "start", "--host-port=127.0.0.1:{port}", "--quiet"),
                port,
                Duration.ofSeconds(90));
        firestore = FirestoreOptions.newBuilder()
                .setProjectId("qrart-test")
                .setEmulatorHost("127.0.0.1:" + port)
                .build()
                .getService();
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        StorageConfig.Firestore config = Configs.of(
                        StorageConfig.class, Map.of("qrart.storage.firestore.collection", "generations-test"))
                .firestore();
        repository = new FirestoreGenerationRepository(firestore, config, mapper);
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        firestore.close();
        emulator.close();
    }

    static Generation generation(String id, String prompt, Instant created) {
        Parameters p = new Parameters(
                prompt,
                "blurry",
                0.9,
                1.3,
                7.5,
                30,
                1234567890123L,
                512,
                2,
                false,
                0.1,
                0.8,
                ScanStrength.ROBUST,
                "Q",
                null);
        return Generation.queued(id, JobKind.GENERATED, "https://example.com/" + id, p, created);
    }

    @Test
    void savesTheDocumentFieldsAndReadsTheRecordBack() throws Exception {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        Generation done = generation("doc000001", "3D castle", now)
                .done(
                        "doc000001.png",
                        new ScanReport(
                                true,
                                "zxing+wechat+boofcv",
                                2,
                                1,
                                false,
                                0,
                                0.0,
                                1.0,
                                0.96,
                                1,
                                null,
                                "robust",
                                0.97,
                                0.99,
                                0.98,
                                true,
                                3,
                                2,
                                "https://example.com/doc000001"),
                        now.plusSeconds(5));
        repository.save(done);

        DocumentSnapshot doc = firestore
                .collection("generations-test")
                .document("doc000001")
                .get()
                .get();
        assertEquals("done", doc.getString("status"));
        assertEquals("3D castle", ((Map<?, ?>) doc.get("parameters")).get("prompt"));
        assertEquals(1234567890123L, ((Map<?, ?>) doc.get("parameters")).get("seed"));
        assertEquals("doc000001.png", doc.getString("imageKey"));
        assertEquals(GalleryCursor.of(done), doc.getString(FirestoreGenerationRepository.GALLERY_KEY));

        Generation read = repository.find("doc000001").orElseThrow();
        assertEquals(done, read);
        assertTrue(repository.find("nope00000").isEmpty());
    }

    @Test
    void galleryPagesNewestFirstFiltersByPromptAndSkipsUnfinished() {
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            Generation g = generation("gal00000" + i, (i % 2 == 0 ? "forest " : "harbour ") + i, base.plusSeconds(i));
            repository.save(
                    i == 4
                            ? g
                            : g.done(
                                    "gal00000" + i + ".png",
                                    new ScanReport(
                                            true,
                                            "zxing+wechat+boofcv",
                                            1,
                                            1,
                                            true,
                                            12,
                                            0.03,
                                            0.97,
                                            0.9,
                                            1,
                                            null,
                                            "robust",
                                            0.97,
                                            0.93,
                                            0.98,
                                            false,
                                            null,
                                            null,
                                            null),
                                    base.plusSeconds(i)));
        }
        GenerationRepository.Page first = repository.page(null, 2, new GalleryFilter("FOREST", null));
        List<String> ids = first.items().stream().map(Generation::id).toList();
        assertEquals(List.of("gal000002", "gal000000"), ids);
        GenerationRepository.Page all = repository.page(null, 10, new GalleryFilter("", null));
        assertTrue(all.items().stream().allMatch(g -> g.status() == GenerationStatus.DONE));
        GenerationRepository.Page page1 = repository.page(null, 2, new GalleryFilter("harbour", null));
        GenerationRepository.Page page2 = repository.page(page1.nextCursor(), 2, new GalleryFilter("harbour", null));
        assertEquals(
                List.of("gal000003", "gal000001"),
                page1.items().stream().map(Generation::id).toList());
        assertEquals(0, page2.items().size());
        assertNull(page2.nextCursor());
        assertTrue(repository.waiting(10).stream().anyMatch(g -> g.id().equals("gal000004")));
        assertTrue(repository.reachable());
    }

    @Test
    void unfinishedJobsRecordedBeforeLeasesExistedAreAdoptedAsWaiting() throws Exception {
        Generation legacy = generation("legacy0001", "an old job", Instant.now().minusSeconds(600));
        repository.save(legacy);
        firestore
                .collection("generations-test")
                .document(legacy.id())
                .update(Map.of(
                        FirestoreGenerationRepository.LEASE_EXPIRES,
                        FieldValue.delete(),
                        FirestoreGenerationRepository.LEASE_EPOCH,
                        FieldValue.delete()))
                .get();
        assertTrue(repository.waiting(1000).stream().noneMatch(g -> g.id().equals(legacy.id())));

        assertTrue(repository.adoptUnleased() >= 1);
        assertTrue(repository.waiting(1000).stream().anyMatch(g -> g.id().equals(legacy.id())));
        assertEquals(
                1,
                repository
                        .claim(legacy.id(), "replica", Duration.ofMinutes(1))
                        .orElseThrow()
                        .lease()
                        .epoch());
        assertEquals(0, repository.adoptUnleased());
    }
}
