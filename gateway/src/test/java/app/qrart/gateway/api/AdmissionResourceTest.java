package app.qrart.gateway.api;

import static app.qrart.gateway.support.Generations.awaitDone;
import static app.qrart.gateway.support.Generations.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.qrart.gateway.support.FakeTorchServe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-client rate limit (valid submissions only) and TorchServe overload answered with 503 + Retry-After. */
@QuarkusTest
@QuarkusTestResource(
        value = FakeTorchServe.class,
        restrictToAnnotatedClass = true,
        initArgs = {
            @ResourceArg(name = "qrart.admission.per-client-burst", value = "3"),
            @ResourceArg(name = "qrart.admission.per-client-per-minute", value = "6"),
            @ResourceArg(name = "qrart.admission.overload-cooldown", value = "PT3S")
        })
class AdmissionResourceTest {

    private static ValidatableResponse post(String client, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", client + ", 10.0.0.1")
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then();
    }

    @Test
    void aClientBeyondItsBurstGets429WithRetryAfterWhileOthersAndBadRequestsAreUnaffected() {
        Map<String, Object> invalid = request("fine art");
        invalid.put("steps", 0);
        for (int i = 0; i < 5; i++) {
            post("203.0.113.10", invalid).statusCode(400).body("field", is("steps"));
        }
        for (int i = 0; i < 3; i++) {
            post("203.0.113.10", request("fine art " + i)).statusCode(202);
        }
        post("203.0.113.10", request("one too many"))
                .statusCode(429)
                .header("Retry-After", matchesPattern("[1-9]|10"))
                .body("error", containsString("too many generations"));
        post("203.0.113.10", invalid).statusCode(400);
        post("203.0.113.11", request("another client")).statusCode(202);
    }

    @Test
    void torchServeOverloadedThroughEveryRetryTurnsNewSubmissionsInto503UntilTheCoolDownEnds() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "198.51.100.1")
                .body(request("queue full [busy]"))
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        var failed = awaitDone(id);
        assertEquals("failed", failed.getString("status"));
        assertEquals(true, failed.getString("error").contains("busy"));
        post("198.51.100.2", request("right after"))
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("error", containsString("overloaded"));
        Thread.sleep(3200);
        String after = post("198.51.100.3", request("after the cool-down"))
                .statusCode(202)
                .extract()
                .path("id");
        assertEquals("done", awaitDone(after).getString("status"));
    }
}
