package app.qrart.gateway.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.testing.QrImages;
import app.qrart.gateway.support.CloudEmulators;
import app.qrart.gateway.support.Generations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GCS and Firestore each stopped and started again while generations run: the jobs end done, and
 * every job that says done has its image in the bucket and its record in Firestore.
 */
@QuarkusTest
@QuarkusTestResource(value = CloudEmulators.class, restrictToAnnotatedClass = true)
class StoreOutageTest {

    /** Ready = both stores answer again (the gRPC channel reconnects with back-off after a restart). */
    private static void awaitReady() throws InterruptedException {
        for (int i = 0; i < 120 && given().when().get("/q/health/ready").statusCode() != 200; i++) {
            Thread.sleep(500);
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private static String submit(String prompt) throws InterruptedException {
        awaitReady();
        Map<String, Object> body = Map.of("content", "https://qr.art/outage", "prompt", prompt, "steps", 4, "seed", 11);
        return Generations.submit(body);
    }

    /** Polls through the outage: the gateway answers 503 + Retry-After while the record store is down. */
    private static JsonPath awaitEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            var reply = given().queryParam("wait", true).when().get("/api/v1/generations/" + id);
            if (reply.statusCode() == 503) {
                assertEquals("5", reply.header("Retry-After"));
                Thread.sleep(500);
                continue;
            }
            JsonPath state = reply.then().statusCode(200).extract().jsonPath();
            if (List.of("done", "failed").contains(state.getString("status"))) {
                return state;
            }
        }
        throw new AssertionError(id + " did not end within 3 minutes");
    }

    private static void assertImageAndRecord(JsonPath done) throws InterruptedException {
        awaitReady();
        assertEquals("done", done.getString("status"), done.prettify());
        String url = done.getString("imageUrl");
        byte[] png = given().when().get(url).then().statusCode(200).extract().asByteArray();
        assertEquals("https://qr.art/outage", QrImages.decode(QrImages.png(png)));
        String recorded = done.getString("id");
        assertTrue(given().queryParam("q", "outage")
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class)
                .contains(recorded));
    }

    @Test
    void gcsStoppedDuringAGenerationAndStartedAgainTheImageIsStoredAndTheJobDone() throws Exception {
        String id = submit("outage gcs [lag]");
        CloudEmulators.stopGcs();
        Thread.sleep(4000);
        CloudEmulators.startGcs();
        assertImageAndRecord(awaitEnd(id));
    }

    @Test
    void gcsDownLongerThanTheWriteRetriesFailsTheJobVisiblyAndNothingClaimsDone() throws Exception {
        String id = submit("outage gcs long [lag]");
        CloudEmulators.stopGcs();
        JsonPath end;
        try {
            end = awaitEnd(id);
        } finally {
            CloudEmulators.startGcs();
        }
        assertEquals("failed", end.getString("status"), end.prettify());
        assertTrue(end.getString("error").contains("image store is unavailable"), end.getString("error"));
        assertNull(end.getString("imageUrl"));
        assertImageAndRecord(awaitEnd(submit("outage gcs back")));
    }

    @Test
    void firestoreStoppedDuringAGenerationAndStartedAgainTheJobIsRecordedDone() throws Exception {
        String id = submit("outage firestore [lag]");
        CloudEmulators.stopFirestore();
        Thread.sleep(4000);
        CloudEmulators.startFirestore(true);
        assertImageAndRecord(awaitEnd(id));
    }
}
