package app.qrart.gateway.links;

import static app.qrart.gateway.support.Generations.request;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.support.EmulatorProcess;
import app.qrart.gateway.support.Eventually;
import app.qrart.gateway.support.FakeTorchServe;
import app.qrart.gateway.support.PackagedGateway;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged gateways on one Firestore emulator, as replicas behind a load balancer: a link made
 * on one answers on the other within the cache's life, scans counted on both add up in one
 * record after a flush, an edit on one is followed by the other, and the edit token is never
 * written to either log (debug and access logs on).
 */
class ShortLinkReplicasIT {

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)";
    private static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8)";
    private static final long DEADLINE_MS = 20_000;

    private final FakeTorchServe torchServe = new FakeTorchServe();
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        torchServe.stop();
    }

    @Test
    void twoReplicasAnswerCountAndFollowEditsOfOneLink() throws Exception {
        EmulatorProcess firestore = EmulatorProcess.firestore();
        started.add(firestore);
        Map<String, String> properties = new HashMap<>(torchServe.start());
        properties.put("qrart.storage.records", "firestore");
        properties.put("qrart.storage.firestore.emulator-host", "127.0.0.1:" + firestore.port());
        properties.put("qrart.storage.project-id", "qrart-link-replicas");
        properties.put("quarkus.log.category.\"app.qrart\".level", "DEBUG");
        properties.put("quarkus.http.access-log.enabled", "true");
        Path logs = Files.createTempDirectory("qrart-link-replicas");
        PackagedGateway first = PackagedGateway.start(properties, logs.resolve("first.log"));
        started.add(first);
        PackagedGateway second = PackagedGateway.start(properties, logs.resolve("second.log"));
        started.add(second);

        String destination = "https://example.com/replicas?utm_source=qr";
        Map<String, Object> body = request("replicas");
        body.put("content", destination);
        body.put("shortLink", true);
        JsonPath accepted = given().baseUri(first.base())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        String url = accepted.getString("shortUrl");
        String code = url.substring(url.lastIndexOf('/') + 1);
        String token = accepted.getString("editToken");

        Eventually.within(
                DEADLINE_MS, () -> location(second, code), destination::equals, "the other replica finds the new link");

        ExecutorService visitors = Executors.newFixedThreadPool(8);
        List<Future<Integer>> scans = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            PackagedGateway replica = i % 2 == 0 ? first : second;
            String agent = i % 3 == 0 ? ANDROID : IPHONE;
            scans.add(visitors.submit(() -> given().baseUri(replica.base())
                    .redirects()
                    .follow(false)
                    .header("User-Agent", agent)
                    .when()
                    .get("/S/" + code)
                    .statusCode()));
        }
        for (Future<Integer> scan : scans) {
            assertEquals(302, scan.get());
        }
        visitors.shutdown();
        JsonPath counted = Eventually.within(
                DEADLINE_MS,
                () -> link(first, code, token),
                view -> view.getLong("totalScans") >= 60,
                "60 scans counted");
        assertEquals(60L, counted.getLong("totalScans"), counted.prettify());
        assertEquals(20L, counted.getLong("scans[0].android"));
        assertEquals(40L, counted.getLong("scans[0].ios"));

        String next = "https://example.org/moved";
        given().baseUri(second.base())
                .header("X-Edit-Token", token)
                .contentType(ContentType.JSON)
                .body(Map.of("destination", next))
                .when()
                .patch("/api/v1/links/" + code)
                .then()
                .statusCode(200);
        Eventually.within(DEADLINE_MS, () -> location(first, code), next::equals, "the first replica follows the edit");

        for (PackagedGateway replica : List.of(first, second)) {
            String log = replica.log();
            assertTrue(log.contains("/S/" + code), "the access log is on");
            assertFalse(log.contains(token.substring(4)), "an edit token was written to a log");
        }
    }

    private static String location(PackagedGateway replica, String code) {
        return given().baseUri(replica.base())
                .redirects()
                .follow(false)
                .header("User-Agent", "facebookexternalhit/1.1")
                .when()
                .get("/S/" + code)
                .header("Location");
    }

    private static JsonPath link(PackagedGateway replica, String code, String token) {
        return given().baseUri(replica.base())
                .header("X-Edit-Token", token)
                .when()
                .get("/api/v1/links/" + code)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
