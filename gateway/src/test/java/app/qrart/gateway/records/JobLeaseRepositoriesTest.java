package app.qrart.gateway.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.GenerationStatus;
import app.qrart.gateway.job.Lease;
import app.qrart.gateway.job.LeaseLostException;
import app.qrart.gateway.storage.RecordStoreException;
import app.qrart.gateway.support.Configs;
import app.qrart.gateway.support.Eventually;
import app.qrart.gateway.support.RecordStores;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Job leases in both record adapters, the embedded file and Firestore (the emulator; two clients
 * stand for two replicas): one claimant wins among many threads, a lapsed lease nobody took is
 * still its holder's, a lease taken over refuses its old holder's writes and renewals, ended jobs
 * are never taken, waiting jobs come oldest accepted first, and under many threads each epoch of
 * a job is held by one owner only.
 */
class JobLeaseRepositoriesTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final ObjectMapper MAPPER = RecordStores.MAPPER;
    private static final AtomicInteger IDS = new AtomicInteger();

    private static RecordStores stores;

    @BeforeAll
    static void start() throws Exception {
        stores = RecordStores.start("qrart-leases-test");
    }

    @AfterAll
    static void stop() throws Exception {
        stores.close();
    }

    static Stream<String> stores() {
        return RecordStores.kinds();
    }

    /** The store as one replica sees it; {@code second}: through another client (Firestore). */
    private static GenerationRepository store(String kind, boolean second) {
        if (kind.equals("embedded")) {
            return new EmbeddedGenerationRepository(stores.embedded(), MAPPER);
        }
        StorageConfig.Firestore config = Configs.of(
                        StorageConfig.class, Map.of("qrart.storage.firestore.collection", "leases-test"))
                .firestore();
        return new FirestoreGenerationRepository(second ? stores.secondClient() : stores.firestore(), config, MAPPER);
    }

    private static Generation accepted(GenerationRepository records, Instant created) {
        Generation job = FirestoreGenerationRepositoryTest.generation(
                "lease" + IDS.incrementAndGet() + "x" + created.toEpochMilli(), "a prompt", created);
        records.save(job);
        return job;
    }

    @ParameterizedTest
    @MethodSource("stores")
    void ofManyThreadsClaimingOneJobExactlyOneWins(String kind) throws Exception {
        GenerationRepository records = store(kind, false);
        GenerationRepository other = store(kind, true);
        Generation job = accepted(records, Instant.now());
        int threads = 12;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Optional<Generation>>> claims = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            GenerationRepository replica = i % 2 == 0 ? records : other;
            String owner = "replica-" + i;
            claims.add(pool.submit(() -> {
                start.await();
                return replica.claim(job.id(), owner, LONG);
            }));
        }
        List<Lease> won = new ArrayList<>();
        for (Future<Optional<Generation>> claim : claims) {
            claim.get().ifPresent(taken -> won.add(taken.lease()));
        }
        pool.shutdown();
        assertEquals(1, won.size(), "winners: " + won);
        assertEquals(1, won.get(0).epoch());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aLeaseTakenOverRefusesItsOldHoldersWritesAndRenewals(String kind) throws Exception {
        GenerationRepository first = store(kind, false);
        GenerationRepository second = store(kind, true);
        Generation job = accepted(first, Instant.now());
        Generation held = first.claim(job.id(), "first", SHORT).orElseThrow();
        assertTrue(second.claim(job.id(), "second", SHORT).isEmpty(), "a held lease is not taken");
        first.save(held.running(0.2, Instant.now()));

        Thread.sleep(SHORT.toMillis() * 2);
        // Lapsed but taken by nobody: still the first's to renew and write under.
        Lease renewed = first.renew(job.id(), held.lease(), SHORT).orElseThrow();
        assertTrue(renewed.sameHoldAs(held.lease()));
        first.save(held.running(0.3, Instant.now()));

        Thread.sleep(SHORT.toMillis() * 2);
        Generation taken = second.claim(job.id(), "second", LONG).orElseThrow();
        assertEquals(held.lease().epoch() + 1, taken.lease().epoch());
        assertThrows(LeaseLostException.class, () -> first.save(held.running(0.9, Instant.now())));
        assertTrue(first.renew(job.id(), held.lease(), LONG).isEmpty());
        first.release(job.id(), held.lease());
        assertTrue(first.claim(job.id(), "first", LONG).isEmpty(), "the old holder's release freed nothing");

        second.save(taken.running(0.5, Instant.now()));
        assertEquals(0.5, first.find(job.id()).orElseThrow().progress());
        second.release(job.id(), taken.lease());
        Generation third = first.claim(job.id(), "first", LONG).orElseThrow();
        assertEquals(taken.lease().epoch() + 1, third.lease().epoch());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void endedJobsAreNeitherWaitingNorTakenNorWrittenAgain(String kind) {
        GenerationRepository records = store(kind, false);
        Generation job = accepted(records, Instant.now().minusSeconds(3600));
        Generation held = records.claim(job.id(), "first", SHORT).orElseThrow();
        records.save(held.failed("a reason", Instant.now()));
        assertTrue(records.claim(job.id(), "second", LONG).isEmpty());
        assertTrue(records.waiting(1000).stream().noneMatch(g -> g.id().equals(job.id())));
        assertThrows(LeaseLostException.class, () -> records.save(held.running(0.5, Instant.now())));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aWaitForTheEndSeesAnotherReplicasWriteAndOtherwiseTimesOut(String kind) throws Exception {
        GenerationRepository records = store(kind, false);
        GenerationRepository other = store(kind, true);
        Generation job = accepted(records, Instant.now());
        Generation held = other.claim(job.id(), "other", LONG).orElseThrow();
        assertEquals(
                GenerationStatus.QUEUED,
                records.awaitEnd(job.id(), Duration.ofMillis(300), Duration.ofMillis(50))
                        .orElseThrow()
                        .status());
        Thread writer = new Thread(() -> {
            Eventually.pause(500);
            other.save(held.failed("a reason", Instant.now()));
        });
        long started = System.nanoTime();
        writer.start();
        Generation ended = records.awaitEnd(job.id(), Duration.ofSeconds(30), Duration.ofMillis(50))
                .orElseThrow();
        writer.join();
        assertEquals(GenerationStatus.FAILED, ended.status());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(20).toNanos(), "the wait ran to its timeout");
        assertTrue(records.awaitEnd("no-such-job", Duration.ofMillis(100), Duration.ofMillis(50))
                .isEmpty());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void waitingJobsAreTheFreeOnesOldestAcceptedFirst(String kind) {
        GenerationRepository records = store(kind, false);
        Instant base = Instant.now().minusSeconds(7200);
        Generation newest = accepted(records, base.plusSeconds(20));
        Generation oldest = accepted(records, base);
        Generation middle = accepted(records, base.plusSeconds(10));
        Set<String> ours = Set.of(oldest.id(), middle.id(), newest.id());

        assertEquals(List.of(oldest.id(), middle.id(), newest.id()), waitingOf(records, ours));
        Generation held = records.claim(middle.id(), "first", LONG).orElseThrow();
        assertEquals(List.of(oldest.id(), newest.id()), waitingOf(records, ours));
        records.release(middle.id(), held.lease());
        assertEquals(List.of(oldest.id(), middle.id(), newest.id()), waitingOf(records, ours));
    }

    private static List<String> waitingOf(GenerationRepository records, Set<String> ours) {
        return records.waiting(1000).stream()
                .map(Generation::id)
                .filter(ours::contains)
                .toList();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void underManyThreadsEveryEpochOfAJobHasOneHolderAndOnlyHoldersWrite(String kind) throws Exception {
        GenerationRepository records = store(kind, false);
        GenerationRepository other = store(kind, true);
        List<Generation> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(accepted(records, Instant.now()));
        }
        Map<String, String> holders = new ConcurrentHashMap<>();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Void>> replicas = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            GenerationRepository replica = t % 2 == 0 ? records : other;
            String owner = "replica-" + t;
            replicas.add(() -> {
                for (int round = 0; round < 3; round++) {
                    for (Generation job : jobs) {
                        Optional<Generation> taken;
                        try {
                            taken = replica.claim(job.id(), owner, Duration.ofMillis(40));
                        } catch (RecordStoreException contended) {
                            // Firestore gave up on a contended transaction: not taken, as the service treats it.
                            continue;
                        }
                        if (taken.isEmpty()) {
                            continue;
                        }
                        String previous = holders.putIfAbsent(
                                job.id() + "#" + taken.get().lease().epoch(), owner);
                        assertEquals(null, previous, "one epoch held twice");
                        Thread.sleep(60);
                        try {
                            replica.save(taken.get().running(0.1 * round, Instant.now()));
                            written.incrementAndGet();
                        } catch (LeaseLostException lost) {
                            refused.incrementAndGet();
                        } catch (RecordStoreException contended) {
                            unanswered.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        for (Future<Void> replica : pool.invokeAll(replicas)) {
            replica.get();
        }
        pool.shutdown();
        for (Generation job : jobs) {
            long epochs = holders.keySet().stream()
                    .filter(key -> key.startsWith(job.id() + "#"))
                    .count();
            assertTrue(epochs >= 2, "the lease of " + job.id() + " changed hands only " + epochs + " times");
        }
        assertFalse(holders.isEmpty());
        assertEquals(holders.size(), written.get() + refused.get() + unanswered.get());
        assertTrue(refused.get() > 0, "some holder's lease was taken before its write");
    }
}
