package app.qrart.gateway.api;

import static app.qrart.gateway.support.Generations.awaitDone;
import static app.qrart.gateway.support.Generations.request;
import static app.qrart.gateway.support.Generations.submit;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.testing.QrImages;
import app.qrart.gateway.support.FakeTorchServe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When no candidate scans (repair off here, so only retries can help), the gateway runs further
 * rounds with new seeds and a firmer QR control, records the parameters that worked, and gives up
 * with a reason after its bounded budget.
 */
@QuarkusTest
@QuarkusTestResource(
        value = FakeTorchServe.class,
        restrictToAnnotatedClass = true,
        initArgs = {
            @ResourceArg(name = "qrart.scan.repair", value = "false"),
            @ResourceArg(name = "qrart.scan.retry-rounds", value = "2"),
            @ResourceArg(name = "qrart.scan.retry-controlnet-step", value = "0.3")
        })
class AdaptiveRetryResourceTest {

    @Test
    void aRoundThatDoesNotScanIsRetriedWithANewSeedAndFirmerControlAndTheWorkingParametersAreRecorded() {
        Map<String, Object> body = request("painting [weak-control]");
        body.put("controlnetScale", 1.3);
        body.put("candidates", 2);
        JsonPath done = awaitDone(submit(body));
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals(2, done.getInt("scanReport.rounds"));
        assertEquals(false, done.getBoolean("scanReport.repaired"));
        assertEquals(1.6, done.getDouble("parameters.controlnetScale"), 1e-9);
        assertEquals(44L, done.getLong("parameters.seed"), "round 2 uses the seeds after round 1's two");
        byte[] png = given().when()
                .get(done.getString("imageUrl"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals(
                "HTTPS://EXAMPLE.COM/qr-art",
                QrImages.decode(QrImages.png(png)),
                "scheme and host in capitals: version 3, not 4");
    }

    @Test
    void whenEveryRoundFailsTheJobFailsWithTheRoundsItTried() {
        Map<String, Object> body = request("painting [weak-control]");
        body.put("controlnetScale", 0.5);
        JsonPath failed = awaitDone(submit(body));
        assertEquals("failed", failed.getString("status"));
        assertTrue(failed.getString("error").contains("3 round(s)"), failed.getString("error"));
        assertEquals(0.5, failed.getDouble("parameters.controlnetScale"), 1e-9, "a failure keeps the request's own");
    }
}
