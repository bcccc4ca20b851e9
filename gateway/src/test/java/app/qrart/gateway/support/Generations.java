package app.qrart.gateway.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Generation requests through the HTTP API, as a client sends them. */
public final class Generations {

    private Generations() {}

    /** A small valid request: a fixed link and seed, 4 steps so the tests stay quick. */
    public static Map<String, Object> request(String prompt) {
        Map<String, Object> body = new HashMap<>();
        body.put("content", "https://example.com/qr-art");
        body.put("prompt", prompt);
        body.put("seed", 42);
        body.put("steps", 4);
        return body;
    }

    /** Submits and checks the 202 reply; returns the new generation's id. */
    public static String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/generations/"))
                .body("status", is("queued"))
                .extract()
                .path("id");
    }

    /**
     * Longest wait for a job's end: one long poll may return a job still running (waiting out a
     * restarted model server within its grace on a busy machine), so polls repeat until then.
     */
    private static final long END_DEADLINE_MS = 360_000;

    /** The job once it has ended, polling (each poll held by the API) up to a stated deadline. */
    public static JsonPath awaitDone(String id) {
        return awaitEnd(RestAssured::given, id);
    }

    /** The same, asking through the given client (another gateway, a key). */
    public static JsonPath awaitEnd(Supplier<RequestSpecification> client, String id) {
        long deadline = System.currentTimeMillis() + END_DEADLINE_MS;
        JsonPath job = poll(client, id);
        while (!ended(job.getString("status")) && System.currentTimeMillis() < deadline) {
            job = poll(client, id);
        }
        return job;
    }

    private static boolean ended(String status) {
        return "done".equals(status) || "failed".equals(status);
    }

    private static JsonPath poll(Supplier<RequestSpecification> client, String id) {
        return client.get()
                .queryParam("wait", true)
                .when()
                .get("/api/v1/generations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
