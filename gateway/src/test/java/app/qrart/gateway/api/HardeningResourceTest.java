package app.qrart.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import app.qrart.gateway.support.FakeTorchServe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FakeTorchServe.class, restrictToAnnotatedClass = true)
class HardeningResourceTest {

    @Test
    void apiAnswersCarrySecurityHeadersAndARequestId() {
        given().when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Cache-Control", "no-store")
                .header(RequestIdFilter.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aSaneIncomingRequestIdIsKeptAndAHostileOneReplaced() {
        given().header(RequestIdFilter.HEADER, "client-trace-0001")
                .when()
                .get("/api/v1/gallery")
                .then()
                .header(RequestIdFilter.HEADER, is("client-trace-0001"));
        given().header(RequestIdFilter.HEADER, "<script>alert(1)</script>")
                .when()
                .get("/api/v1/gallery")
                .then()
                .header(RequestIdFilter.HEADER, not(containsString("script")));
    }

    @Test
    void noCorsGrantOutsideDev() {
        given().header("Origin", "https://evil.example")
                .when()
                .get("/api/v1/gallery")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void errorsNeverLeakStackTraces() {
        given().contentType("application/json")
                .body("{\"content\": [[[[[[[[[[]]]]]]]]]]}")
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("at app.qrart")));
    }
}
