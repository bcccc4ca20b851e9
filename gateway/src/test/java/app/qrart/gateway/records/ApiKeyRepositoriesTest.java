package app.qrart.gateway.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.auth.ApiKeyRepository;
import app.qrart.gateway.auth.ApiKeys;
import app.qrart.gateway.auth.KeySecrets;
import app.qrart.gateway.config.AuthConfig;
import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.support.Configs;
import app.qrart.gateway.support.EmulatorProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both key adapters, the embedded file and Firestore (the emulator): what is stored of a key
 * (its hash, never the key), and daily counts that never pass the quota under concurrent use.
 */
class ApiKeyRepositoriesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-02");

    /**
     * The emulator resolves contended transactions by a 30 s lock timeout, not as Firestore does in
     * milliseconds: the bound and attempts leave room for that, the counts are still checked exactly.
     */
    private static final StorageConfig.Firestore EMULATOR_TRANSACTIONS = Configs.of(
                    StorageConfig.class,
                    Map.of(
                            "qrart.storage.firestore.transaction-timeout", "PT150S",
                            "qrart.storage.firestore.transaction-attempts", "10"))
            .firestore();

    private static EmulatorProcess emulator;
    private static Firestore firestore;
    private static MVStore embedded;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @BeforeAll
    static void start() throws Exception {
        int port = EmulatorProcess.freePort();
        emulator = EmulatorProcess.start(
                List.of("gcloud", "emulators", "firestore", "start", "--host-port=127.0.0.1:{port}", "--quiet"),
                port,
                Duration.ofSeconds(90));
        firestore = FirestoreOptions.newBuilder()
                .setProjectId("qrart-keys-test")
                .setEmulatorHost("127.0.0.1:" + port)
                .build()
                .getService();
        embedded = new MVStore.Builder()
                .fileName(Files.createTempDirectory("qrart-keys")
                        .resolve("records.mv.db")
                        .toString())
                .autoCommitDisabled()
                .open();
    }

    @AfterAll
    static void stop() throws Exception {
        embedded.close();
        firestore.close();
        emulator.close();
    }

    private static ApiKeyRepository embeddedKeys() {
        return new EmbeddedApiKeyRepository(embedded, MAPPER);
    }

    private static ApiKeyRepository firestoreKeys() {
        return new FirestoreApiKeyRepository(firestore, EMULATOR_TRANSACTIONS);
    }

    private static ApiKeys service(ApiKeyRepository repository) {
        return new ApiKeys(repository, Configs.of(AuthConfig.class, Map.of()));
    }

    /** Every stored value of the key's record, as text. */
    private static void assertStoresTheHashOnly(ApiKeys.CreatedKey created, Function<String, String> storedRecord) {
        String stored = storedRecord.apply(created.record().id());
        assertTrue(stored.contains(KeySecrets.hash(created.key())), stored);
        assertFalse(stored.contains(created.key().substring("qrart_".length() + 11)), "the key's secret is stored");
    }

    @Test
    void theEmbeddedStoreKeepsTheHashAndNeverTheKey() {
        ApiKeys keys = service(embeddedKeys());
        ApiKeys.CreatedKey created = keys.create(new ApiKeys.NewKey("embedded", null, null, null));
        MVMap<String, String> raw = embedded.openMap("api-keys");
        assertStoresTheHashOnly(created, raw::get);
        assertEquals(created.record(), keys.authenticate(created.key(), null));
    }

    @Test
    void firestoreKeepsTheHashAndNeverTheKey() {
        ApiKeys keys = service(firestoreKeys());
        ApiKeys.CreatedKey created = keys.create(new ApiKeys.NewKey("firestore", 7, 70, List.of("https://a.example")));
        assertStoresTheHashOnly(created, id -> {
            try {
                return firestore
                        .collection("apiKeys")
                        .document(id)
                        .get()
                        .get()
                        .getData()
                        .toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(created.record(), keys.authenticate(created.key(), "https://a.example"));
    }

    @Test
    void embeddedCountsNeverPassTheQuota() throws Exception {
        assertCountsHoldTheQuota(embeddedKeys(), "embedded01");
    }

    @Test
    void firestoreCountsNeverPassTheQuota() throws Exception {
        assertCountsHoldTheQuota(firestoreKeys(), "firestore1");
    }

    private static void assertCountsHoldTheQuota(ApiKeyRepository repository, String id) throws Exception {
        // Four at once: enough to race, few enough that Firestore's transaction retries settle on a busy machine.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<OptionalInt>> uses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                uses.add(pool.submit(() -> repository.countUse(id, DAY, 10)));
            }
            List<Integer> granted = new ArrayList<>();
            for (Future<OptionalInt> use : uses) {
                use.get().ifPresent(granted::add);
            }
            assertEquals(10, granted.size(), "exactly the quota is granted");
            assertEquals(
                    List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                    granted.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        repository.uncountUse(id, DAY);
        assertEquals(OptionalInt.of(10), repository.countUse(id, DAY, 10));
        repository.countUse(id, DAY.minusDays(40), 10);
        repository.countUse(id, DAY.plusDays(1), 10);
        assertEquals(Map.of(DAY, 10, DAY.plusDays(1), 1), repository.usageSince(id, DAY.minusDays(29)));
    }
}
