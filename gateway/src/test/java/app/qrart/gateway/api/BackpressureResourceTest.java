package app.qrart.gateway.api;

import static app.qrart.gateway.support.Generations.awaitDone;
import static app.qrart.gateway.support.Generations.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.qrart.gateway.support.FakeTorchServe;
import app.qrart.gateway.support.Generations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Beyond its bound of generations in flight the gateway answers 503 with Retry-After (the service is at capacity), and recovers. */
@QuarkusTest
@TestProfile(BackpressureResourceTest.OneAtATime.class)
@QuarkusTestResource(value = FakeTorchServe.class, restrictToAnnotatedClass = true)
class BackpressureResourceTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qrart.generation.max-concurrent", "1", "qrart.generation.max-queued", "1");
        }
    }

    @Test
    void aFullGatewaySays503WithRetryAfterAndNothingAcceptedIsLost() {
        String running = Generations.submit(request("first [slow]"));
        String queued = Generations.submit(request("second [slow]"));
        given().contentType(ContentType.JSON)
                .body(request("third"))
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("status", is(503));
        assertEquals("failed", awaitDone(running).getString("status"));
        assertEquals("failed", awaitDone(queued).getString("status"));
        assertEquals(
                "done", awaitDone(Generations.submit(request("after the rush"))).getString("status"));
    }
}
