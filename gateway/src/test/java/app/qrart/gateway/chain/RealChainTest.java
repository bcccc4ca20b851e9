package app.qrart.gateway.chain;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.support.QrImages;
import app.qrart.gateway.support.RealTorchServe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole chain with nothing faked: gateway → real TorchServe (tiny model, CPU) → scan → store → record. */
@QuarkusTest
@QuarkusTestResource(value = RealTorchServe.class, restrictToAnnotatedClass = true)
class RealChainTest {

    @Test
    void generationThroughRealTorchServeIsStoredVerifiedAndRecorded() {
        Map<String, Object> body = Map.of("content", "https://qr.art/real-chain", "prompt",
                "fine art oil painting of a lighthouse", "steps", 4, "seed", 1234, "candidates", 2);
        String id = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/generations").then().statusCode(202).extract().path("id");

        JsonPath done = given().queryParam("wait", true).when().get("/api/v1/generations/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals(2, done.getInt("scanReport.candidatesTried"));
        assertTrue(done.getBoolean("scanReport.verified"));

        byte[] png = given().when().get(done.getString("imageUrl")).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage image = QrImages.png(png);
        assertEquals(512, image.getWidth());
        assertEquals("https://qr.art/real-chain", QrImages.decode(image));

        JsonPath record = given().when().get("/api/v1/generations/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1234L, record.getLong("parameters.seed"));
        assertEquals("fine art oil painting of a lighthouse", record.getString("parameters.prompt"));
        given().queryParam("q", "lighthouse").when().get("/api/v1/gallery").then().statusCode(200)
                .extract().jsonPath().getList("items.id").contains(id);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
