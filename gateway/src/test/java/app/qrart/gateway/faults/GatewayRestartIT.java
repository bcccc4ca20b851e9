package app.qrart.gateway.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.testing.QrParts;
import app.qrart.gateway.support.FakeTorchServe;
import app.qrart.gateway.support.Generations;
import app.qrart.gateway.support.PackagedGateway;
import app.qrart.gateway.support.Uploads;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway killed (SIGKILL) with generations queued and running and a picture job
 * queued, then started again on the same record and image stores: every accepted job is taken
 * again (the running one once its lease lapses) and ends done. Nothing is dropped.
 */
class GatewayRestartIT {

    private final FakeTorchServe torchServe = new FakeTorchServe();
    private final List<Process> gateways = new ArrayList<>();
    private int port;

    @AfterEach
    void stopAll() {
        gateways.forEach(Process::destroyForcibly);
        torchServe.stop();
    }

    private Process launch(Map<String, String> properties, Path log) {
        PackagedGateway gateway = PackagedGateway.start(properties, log);
        port = Integer.parseInt(gateway.base().substring(gateway.base().lastIndexOf(':') + 1));
        gateways.add(gateway.process());
        return gateway.process();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String submit(int i) {
        Map<String, Object> body = Map.of(
                "content", "https://qr.art/restart-" + i, "prompt", "restart " + i + " [lag]", "steps", 4, "seed", i);
        return given().baseUri(base())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private String submitPicture() {
        return given().baseUri(base())
                .multiPart("image", "photo.png", Uploads.png(QrParts.picture("photo", 4)), "image/png")
                .multiPart("content", "https://qr.art/restart-picture")
                .when()
                .post("/api/v1/pictures")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private String status(String id) {
        return given().baseUri(base())
                .when()
                .get("/api/v1/generations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void generationsInFlightWhenTheGatewayIsKilledAreResumedAfterItsRestart() throws Exception {
        Map<String, String> properties = new HashMap<>(torchServe.start());
        properties.put("qrart.generation.max-concurrent", "1");
        // The killed process's lease on its running job lapses within this; the new one then takes it.
        properties.put("qrart.replica.lease-duration", "PT5S");
        Path logs = Files.createTempDirectory("qrart-restart");

        Process first = launch(properties, logs.resolve("first.log"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(i));
        }
        // Queued behind the generations (one at a time): a picture job, its upload already kept.
        ids.add(submitPicture());
        while (!"running".equals(status(ids.get(0)))) {
            sleep(100);
        }
        first.destroyForcibly().waitFor();

        launch(properties, logs.resolve("second.log"));
        for (String id : ids) {
            JsonPath end = Generations.awaitEnd(() -> given().baseUri(base()), id);
            assertEquals("done", end.getString("status"), end.prettify());
            given().baseUri(base()).when().get(end.getString("imageUrl")).then().statusCode(200);
        }
        String secondLog = Files.readString(logs.resolve("second.log"));
        assertTrue(secondLog.contains("taking waiting job"), secondLog);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
