package app.qrart.gateway.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.gate.ScanStrength;
import app.qrart.gateway.config.ReplicaConfig;
import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.GenerationStatus;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.JobRecords;
import app.qrart.gateway.job.Parameters;
import app.qrart.gateway.records.EmbeddedGenerationRepository;
import app.qrart.gateway.storage.LocalImageStore;
import app.qrart.gateway.support.Configs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A replica's leases over the embedded store, two replicas sharing it: a job past its maximum age
 * is failed instead of taken, the heartbeat keeps a held lease from lapsing and drops one another
 * replica took, and a drain releases what it holds so the other takes it at once.
 */
class JobLeasesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private MVStore store;
    private GenerationRepository records;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("qrart-job-leases");
        store = new MVStore.Builder()
                .fileName(dir.resolve("records.mv.db").toString())
                .autoCommitDisabled()
                .open();
        records = new EmbeddedGenerationRepository(store, MAPPER);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JobLeases replica(String id, String leaseDuration) throws Exception {
        ReplicaConfig config = Configs.of(
                ReplicaConfig.class, Map.of("qrart.replica.id", id, "qrart.replica.lease-duration", leaseDuration));
        StorageConfig storage = Configs.of(StorageConfig.class, Map.of("qrart.storage.write-attempts", "1"));
        LocalImageStore images = new LocalImageStore(Files.createTempDirectory("qrart-job-leases-images"), "/images/");
        return new JobLeases(records, new JobRecords(images, records, storage), config);
    }

    private Generation accepted(Instant created) {
        Parameters p = new Parameters(
                "a prompt", "", 0.9, 1.3, 7.5, 4, 42L, 512, 1, false, 0.0, 1.0, ScanStrength.BALANCED, "H", null);
        Generation job =
                Generation.queued("job" + created.toEpochMilli(), JobKind.GENERATED, "https://qr.art", p, created);
        records.save(job);
        return job;
    }

    @Test
    void aJobPastItsMaximumAgeIsFailedInsteadOfTaken() throws Exception {
        Generation old = accepted(Instant.now().minusSeconds(3600));
        assertTrue(replica("first", "PT30S").take(old).isEmpty());
        Generation stored = records.find(old.id()).orElseThrow();
        assertEquals(GenerationStatus.FAILED, stored.status());
        assertTrue(stored.error().contains("did not finish within 30 minutes"), stored.error());
    }

    @Test
    void theHeartbeatKeepsAHeldLeaseAndDropsOneAnotherReplicaTook() throws Exception {
        JobLeases first = replica("first", "PT0.4S");
        JobLeases second = replica("second", "PT0.4S");
        Generation job = accepted(Instant.now());
        Generation taken = first.take(job).orElseThrow();
        for (int beat = 0; beat < 4; beat++) {
            Thread.sleep(200);
            first.heartbeat();
            assertTrue(second.take(job).isEmpty(), "taken from a replica that renews its lease");
        }
        Thread.sleep(600);
        Generation takenOver = second.take(job).orElseThrow();
        assertEquals(taken.lease().epoch() + 1, takenOver.lease().epoch());
        first.heartbeat();
        first.releaseAll();
        assertTrue(
                records.renew(job.id(), takenOver.lease(), Duration.ofMinutes(5))
                        .isPresent(),
                "the old holder's heartbeat or release took the lease back");
    }

    @Test
    void aDrainReleasesHeldLeasesSoAnotherReplicaTakesThemAtOnce() throws Exception {
        JobLeases draining = replica("draining", "PT5M");
        JobLeases other = replica("other", "PT5M");
        Generation job = accepted(Instant.now());
        draining.take(job).orElseThrow();
        assertTrue(records.waiting(10).isEmpty());
        draining.releaseAll();
        assertEquals(job.id(), records.waiting(10).get(0).id());
        assertEquals("other", other.take(job).orElseThrow().lease().owner());
    }
}
