package app.qrart.gateway.api;

import static app.qrart.gateway.support.Generations.awaitDone;
import static app.qrart.gateway.support.Generations.request;
import static app.qrart.gateway.support.Generations.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.qrart.engine.testing.QrImages;
import app.qrart.gateway.support.FakeTorchServe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FakeTorchServe.class, restrictToAnnotatedClass = true)
class LimitsResourceTest {

    @Test
    void limitsCarryTheOriginalDefaultsAndTheRangesTheValidatorApplies() {
        given().when()
                .get("/api/v1/limits")
                .then()
                .statusCode(200)
                .body("defaults.strength", is(0.9f))
                .body("defaults.controlnetScale", is(1.3f))
                .body("defaults.guidanceScale", is(7.5f))
                .body("defaults.controlGuidanceStart", is(0.0f))
                .body("defaults.controlGuidanceEnd", is(1.0f))
                .body("controlGuidance.max", is(1.0f))
                .body("defaults.scanStrength", is("balanced"))
                .body("scanStrengths", is(java.util.List.of("artistic", "balanced", "robust")))
                .body("strength.min", is(0.01f))
                .body("allowedSizes", hasItem(512))
                .body("refusedSchemes", hasItem("javascript"));
    }

    @Test
    void contentOfExactlyTheAdvertisedByteCapacityIsAcceptedAndOneByteMoreIsRefused() {
        int capacity = given().when().get("/api/v1/limits").then().extract().path("maxContentBytes");
        // "é" is two UTF-8 bytes: the limit is on bytes, not characters.
        String fits = "é".repeat(capacity / 2) + "a".repeat(capacity % 2);
        Map<String, Object> body = request("fine art");
        body.put("content", fits);
        body.put("size", 768);
        submit(body);
        body.put("content", fits + "a");
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(400)
                .body("field", is("content"));
    }

    @Test
    void plainQrOfAGenerationDecodesToItsContentAtItsSize() {
        String id = submit(request("natural scene, waterfall"));
        awaitDone(id);
        byte[] png = given().when()
                .get("/api/v1/generations/" + id + "/qr")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        BufferedImage image = QrImages.png(png);
        assertEquals(512, image.getWidth());
        assertEquals(
                "HTTPS://EXAMPLE.COM/qr-art",
                QrImages.decode(image),
                "the plain code is the delivered symbol: compact");
        given().when().get("/api/v1/generations/unknown-id-123/qr").then().statusCode(404);
    }
}
