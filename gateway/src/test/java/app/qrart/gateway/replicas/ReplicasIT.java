package app.qrart.gateway.replicas;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.support.Eventually;
import app.qrart.gateway.support.Generations;
import app.qrart.gateway.support.PackagedGateway;
import com.google.cloud.Timestamp;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged gateways on one Firestore emulator, one GCS emulator and one real TorchServe with
 * the tiny model, as replicas behind a load balancer: a replica killed mid-run loses its jobs to
 * the other and every job ends done, each epoch of a lease held by one replica and the delivered
 * image written under the last; a key's per-minute rate holds for both together; a replica
 * stopped with SIGTERM finishes what it runs and leaves what it queued to the other.
 */
class ReplicasIT {

    private static final long START_DEADLINE_MS = 120_000;
    private static final Pattern IMAGE = Pattern.compile("(.+)_e(\\d+)(_thumb)?\\.png");

    private static ReplicaStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new ReplicaStack();
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
    }

    private static String submit(PackagedGateway gateway, String scenario, int i) {
        Map<String, Object> body = Generations.request(scenario + " job " + i);
        body.put("content", "https://qr.art/" + scenario + "/" + i);
        body.put("seed", i);
        return given().baseUri(gateway.base())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static void assertAllDone(PackagedGateway gateway, List<String> ids) {
        for (String id : ids) {
            JsonPath end = Generations.awaitEnd(() -> given().baseUri(gateway.base()), id);
            assertEquals("done", end.getString("status"), end.prettify());
        }
    }

    @Test
    void aReplicaKilledMidRunLosesItsJobsToTheOtherAndEachEpochHasOneHolder() throws Exception {
        String scenario = "killed";
        Map<String, String> two = Map.of("qrart.generation.max-concurrent", "2");
        PackagedGateway first = stack.start(scenario, "replica-a", two);
        PackagedGateway second = stack.start(scenario, "replica-b", two);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(submit(i % 2 == 0 ? first : second, scenario, i));
        }
        Eventually.within(
                START_DEADLINE_MS,
                () -> stack.runningOn(scenario, ids, "replica-a"),
                running -> running > 0,
                "replica-a runs a job");
        first.process().destroyForcibly().waitFor();

        assertAllDone(second, ids);
        boolean takenOver = false;
        for (String id : ids) {
            List<Map<String, Object>> claims = stack.claims(scenario, id);
            assertEpochsHadOneHolderEach(id, claims);
            Map<String, Object> last = claims.get(claims.size() - 1);
            Map<String, Object> record = stack.record(scenario, id);
            assertEquals(Map.of("owner", last.get("owner"), "epoch", last.get("epoch")), record.get("writer"), id);
            assertEquals(id + "_e" + last.get("epoch") + ".png", record.get("imageKey"));
            takenOver |= claims.size() > 1 && "replica-a".equals(claims.get(0).get("owner"));
        }
        assertTrue(takenOver, "no job of the killed replica was taken over");
        assertImagesWrittenUnderHeldEpochsOnly(scenario, ids);
    }

    /** Epochs 1, 2, ... in order; each claim made once the previous hold had lapsed or been released. */
    private static void assertEpochsHadOneHolderEach(String id, List<Map<String, Object>> claims) {
        assertTrue(!claims.isEmpty(), id + " was never claimed");
        for (int i = 0; i < claims.size(); i++) {
            Map<String, Object> claim = claims.get(i);
            assertEquals((long) i + 1, claim.get("epoch"), id + ": " + claims);
            if (i > 0) {
                Timestamp free = ReplicaStack.time(claim, "freeSince");
                assertTrue(
                        free.compareTo(ReplicaStack.time(claims.get(i - 1), "takenAt")) > 0
                                && free.compareTo(ReplicaStack.time(claim, "takenAt")) <= 0,
                        id + ": epoch " + (i + 1) + " taken while epoch " + i + " was held: " + claims);
            }
        }
    }

    /** Every object is a job's image or thumbnail under an epoch some replica held; each job's last epoch's is there. */
    private static void assertImagesWrittenUnderHeldEpochsOnly(String scenario, List<String> ids) {
        Set<String> objects = stack.objects(scenario);
        for (String object : objects) {
            Matcher name = IMAGE.matcher(object);
            assertTrue(name.matches() && ids.contains(name.group(1)), "a stray object: " + object);
            long epoch = Long.parseLong(name.group(2));
            assertTrue(
                    stack.claims(scenario, name.group(1)).stream()
                            .anyMatch(c -> c.get("epoch").equals(epoch)),
                    object + " was written under an epoch nobody held");
        }
        for (String id : ids) {
            String image = (String) stack.record(scenario, id).get("imageKey");
            assertTrue(objects.contains(image), image);
            assertTrue(objects.contains(image.replace(".png", "_thumb.png")), image);
        }
    }

    @Test
    void aKeysPerMinuteRateHoldsAcrossBothReplicas() {
        String scenario = "rate";
        Map<String, String> keys = Map.of(
                "qrart.auth.mode", "api-key",
                "qrart.auth.admin-secret", ADMIN_SECRET,
                "qrart.auth.session.secure-cookie", "false");
        PackagedGateway first = stack.start(scenario, "replica-a", keys);
        PackagedGateway second = stack.start(scenario, "replica-b", keys);
        String key = given().baseUri(first.base())
                .contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ADMIN_SECRET)
                .body(Map.of("name", "shared rate", "perMinute", 10, "dailyQuota", 100))
                .when()
                .post("/api/v1/admin/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        int admitted = 0;
        int refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> body = Generations.request("rate " + i);
            int status = given().baseUri((i % 2 == 0 ? first : second).base())
                    .header("Authorization", "Bearer " + key)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/v1/generations")
                    .statusCode();
            if (status == 202) {
                admitted++;
            } else if (status == 429) {
                refused++;
            }
        }
        // The bucket holds a burst of 10 and refills one every 6 s while the requests go on.
        double seconds = (System.nanoTime() - started) / 1e9;
        int refilled = (int) Math.floor(seconds / 6);
        assertTrue(
                admitted >= 10 && admitted <= 10 + refilled,
                admitted + " admitted across both replicas in " + seconds + " s");
        assertEquals(20, admitted + refused);
    }

    private static final String ADMIN_SECRET = "admin-secret-for-replica-tests-0123";

    @Test
    void aReplicaStoppedWithSigtermFinishesWhatItRunsAndLeavesItsQueueToTheOther() throws Exception {
        String scenario = "drained";
        Map<String, String> one = Map.of("qrart.generation.max-concurrent", "1");
        // Room for the running job to finish on a busy machine; what is released instead is tested apart.
        PackagedGateway draining = stack.start(
                scenario,
                "replica-c",
                Map.of("qrart.generation.max-concurrent", "1", "qrart.replica.drain-timeout", "PT60S"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(submit(draining, scenario, i));
        }
        Eventually.within(
                START_DEADLINE_MS,
                () -> stack.runningOn(scenario, ids, "replica-c"),
                running -> running > 0,
                "replica-c runs a job");
        PackagedGateway other = stack.start(scenario, "replica-d", one);
        Eventually.within(
                START_DEADLINE_MS,
                () -> stack.runningOn(scenario, ids, "replica-d"),
                running -> running > 0,
                "replica-d runs a job");

        Instant stopped = Instant.now();
        draining.process().destroy();
        assertTrue(
                draining.process().waitFor(90, TimeUnit.SECONDS), "the drained replica did not exit after its drain");
        assertAllDone(other, ids);

        Set<String> ranOnDrained = new HashSet<>();
        for (String id : ids) {
            List<Map<String, Object>> claims = stack.claims(scenario, id);
            assertEpochsHadOneHolderEach(id, claims);
            for (Map<String, Object> claim : claims) {
                if ("replica-c".equals(claim.get("owner"))) {
                    ranOnDrained.add(id);
                    Instant taken = instant(ReplicaStack.time(claim, "takenAt"));
                    assertTrue(taken.isBefore(stopped), id + " was taken by the draining replica after SIGTERM");
                    assertEquals(1, claims.size(), id + " running at SIGTERM was not finished there: " + claims);
                }
            }
        }
        assertTrue(!ranOnDrained.isEmpty());
        assertTrue(ranOnDrained.size() < ids.size(), "nothing was left to the other replica");
        String log = draining.log();
        assertTrue(log.contains("draining:"), log);
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
