package app.qrart.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The web app's API types are checked at compile time against frontend/src/types/openapi.json;
 * this keeps that copy equal to the document the gateway serves (`make api-types` refreshes it).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path WEB_APP_COPY =
            Path.of(System.getProperty("qrart.repo-root", "..")).resolve("frontend/src/types/openapi.json");

    @Test
    void theWebAppsCopyOfTheOpenApiDocumentIsTheOneServed() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        String served = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                mapper.readTree(WEB_APP_COPY.toFile()),
                mapper.readTree(served),
                "the API changed: run `make api-types` and adapt frontend/src/types/api.ts");
    }
}
