package app.qrart.gateway.chain;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.testing.QrImages;
import app.qrart.gateway.support.Generations;
import app.qrart.gateway.support.RealTorchServe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The whole chain with nothing faked: gateway → real TorchServe (tiny model, CPU) → scan → store → record. */
@QuarkusTest
@QuarkusTestResource(value = RealTorchServe.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealChainTest {

    @Test
    @Order(1)
    void generationThroughRealTorchServeIsStoredVerifiedAndRecorded() {
        Map<String, Object> body = Map.of(
                "content",
                "https://qr.art/real-chain",
                "prompt",
                "fine art oil painting of a lighthouse",
                "steps",
                4,
                "seed",
                1234,
                "candidates",
                2);
        String id = Generations.submit(body);

        JsonPath done = Generations.awaitDone(id);
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals(2, done.getInt("scanReport.candidatesTried"));
        assertTrue(done.getBoolean("scanReport.verified"));

        byte[] png = given().when()
                .get(done.getString("imageUrl"))
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        BufferedImage image = QrImages.png(png);
        assertEquals(512, image.getWidth());
        assertEquals(
                "HTTPS://QR.ART/real-chain", QrImages.decode(image), "scheme and host in capitals: a smaller version");
        assertEquals("HTTPS://QR.ART/real-chain", done.getString("scanReport.encodedText"));
        assertEquals("https://qr.art/real-chain", done.getString("content"));

        JsonPath record = given().when()
                .get("/api/v1/generations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1234L, record.getLong("parameters.seed"));
        assertEquals("fine art oil painting of a lighthouse", record.getString("parameters.prompt"));
        List<String> gallery = given().queryParam("q", "lighthouse")
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertTrue(gallery.contains(id), "the done generation is in the gallery: " + gallery);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(2)
    void workersKilledInTheMiddleOfABatchAreWaitedOutAndEveryJobIsDeliveredWithItsSeed() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Generations.submit(Map.of(
                    "content",
                    "https://qr.art/worker-" + i,
                    "prompt",
                    "3D worker " + i,
                    "steps",
                    40,
                    "seed",
                    100 + i,
                    "candidates",
                    2)));
        }
        awaitRunning(ids.get(0));
        Thread.sleep(1500);
        RealTorchServe.killWorkers();

        int retried = 0;
        for (int i = 0; i < ids.size(); i++) {
            JsonPath end = Generations.awaitDone(ids.get(i));
            assertEquals("done", end.getString("status"), end.prettify());
            assertTrue(end.getBoolean("scanReport.verified"));
            assertEquals(100L + i, end.getLong("parameters.seed"), "the seed asked for, unchanged by the retry");
            retried += end.getInt("modelServerRetries");
        }
        assertTrue(retried >= 1, "the batch the workers were running was sent again");
    }

    @Test
    @Order(3)
    void torchServeRestartedByItsSupervisorWithinTheGraceDeliversEveryJob() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(Generations.submit(Map.of(
                    "content",
                    "https://qr.art/restart-" + i,
                    "prompt",
                    "3D restart " + i,
                    "steps",
                    40,
                    "seed",
                    200 + i,
                    "candidates",
                    2)));
        }
        awaitRunning(ids.get(0));
        Thread.sleep(1500);
        RealTorchServe.killTorchServe();

        for (int i = 0; i < ids.size(); i++) {
            JsonPath end = Generations.awaitDone(ids.get(i));
            assertEquals("done", end.getString("status"), end.prettify());
            assertEquals(200L + i, end.getLong("parameters.seed"));
            assertTrue(end.getBoolean("scanReport.verified"));
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(4)
    void torchServeKilledInTheMiddleOfABatchLeavesEveryJobFailedWithAReasonNoneLostNoneStuck() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = Map.of(
                    "content",
                    "https://qr.art/crash-" + i,
                    "prompt",
                    "3D crash " + i,
                    "steps",
                    40,
                    "seed",
                    i,
                    "candidates",
                    2);
            ids.add(Generations.submit(body));
        }
        awaitRunning(ids.get(0));
        Thread.sleep(1500);
        RealTorchServe.killHard();

        for (String id : ids) {
            JsonPath end = Generations.awaitDone(id);
            assertEquals("failed", end.getString("status"), end.prettify());
            assertTrue(end.getString("error").contains("model server"), end.getString("error"));
        }
        // Not ready without TorchServe; a slot is freed just after its job's end is recorded.
        int inFlight = -1;
        for (int i = 0; i < 50 && inFlight != 0; i++) {
            inFlight = given().when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .extract()
                    .path("checks.find { it.name == 'qrart' }.data.generationsInFlight");
            Thread.sleep(100);
        }
        assertEquals(0, inFlight, "every slot freed");
    }

    private static void awaitRunning(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if ("running"
                    .equals(given().when()
                            .get("/api/v1/generations/" + id)
                            .then()
                            .extract()
                            .path("status"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " never started running");
    }
}
