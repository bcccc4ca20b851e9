package app.qrart.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InfoResourceTest {

    @Test
    void reportsServiceAndApiVersion() {
        given().when().get("/api/v1/info")
                .then().statusCode(200)
                .body("service", is("qr-art-gateway"))
                .body("apiVersion", is("v1"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"));
    }
}
