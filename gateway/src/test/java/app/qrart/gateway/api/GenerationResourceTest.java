package app.qrart.gateway.api;

import static app.qrart.gateway.support.Generations.awaitDone;
import static app.qrart.gateway.support.Generations.request;
import static app.qrart.gateway.support.Generations.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.testing.QrImages;
import app.qrart.gateway.support.FakeTorchServe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(value = FakeTorchServe.class, restrictToAnnotatedClass = true)
class GenerationResourceTest {

    @Test
    void generationEndsWithAVerifiedStoredImageAndItsParameters() {
        String id = submit(request("3D render of a mossy temple, fine art"));
        JsonPath done = awaitDone(id);
        assertEquals("done", done.getString("status"));
        assertEquals(1.0, done.getDouble("progress"));
        assertEquals(42L, done.getLong("parameters.seed"));
        assertEquals(0.9, done.getDouble("parameters.strength"));
        assertEquals(1.3, done.getDouble("parameters.controlnetScale"));
        assertEquals(7.5, done.getDouble("parameters.guidanceScale"));
        assertEquals(1.0, done.getDouble("parameters.controlGuidanceEnd"), "the whole control window by default");
        assertEquals(true, done.getBoolean("scanReport.verified"));
        assertEquals(1.0, done.getDouble("scanReport.analysis.ecHeadroom"), "the echo model draws the QR cleanly");
        assertEquals(0, done.getInt("scanReport.analysis.functionModuleErrors"));
        byte[] png = given().when()
                .get(done.getString("imageUrl"))
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        BufferedImage image = QrImages.png(png);
        assertEquals(512, image.getWidth());
        assertEquals("https://example.com/qr-art", done.getString("content"));
        assertEquals(
                "HTTPS://EXAMPLE.COM/qr-art", done.getString("scanReport.encodedText"), "scheme and host in capitals");
        assertEquals(3, done.getInt("scanReport.symbolVersion"), "version 3 where the link as given needs 4");
        assertEquals("HTTPS://EXAMPLE.COM/qr-art", QrImages.decode(image));
        byte[] thumb = given().when()
                .get(done.getString("thumbnailUrl"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals(256, QrImages.png(thumb).getWidth());
    }

    @Test
    void severalCandidatesAreGeneratedAndCounted() {
        Map<String, Object> body = request("a forest at dawn");
        body.put("candidates", 3);
        JsonPath done = awaitDone(submit(body));
        assertEquals("done", done.getString("status"));
        assertEquals(3, done.getInt("scanReport.candidatesTried"));
        assertEquals(3, done.getInt("scanReport.candidatesVerified"));
    }

    @Test
    void busyModelServerIsRetriedUntilItAnswers() {
        JsonPath done = awaitDone(submit(request("harbour at night [busy-twice]")));
        assertEquals("done", done.getString("status"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "crowded [busy]   | busy",
                "huge [oom]       | GPU memory",
                "glacier [slow]   | did not answer in time",
                "odd [refused]    | 'seed' must be an integer",
                "keys [badtoken]  | misconfigured: the model server refused the gateway's token"
            })
    void modelServerFailuresEndTheJobAsFailedWithAReason(String prompt, String reason) {
        JsonPath failed = awaitDone(submit(request(prompt)));
        assertEquals("failed", failed.getString("status"));
        assertThat(failed.getString("error"), reason);
        assertEquals(null, failed.getString("imageUrl"));
    }

    @Test
    void theControlWindowReachesTheModelServerAndIsRecorded() {
        Map<String, Object> body = request("misty forest [window]");
        body.put("controlGuidanceStart", 0.2);
        body.put("controlGuidanceEnd", 0.8);
        JsonPath done = awaitDone(submit(body));
        assertEquals("done", done.getString("status"), done.getString("error"));
        assertEquals(0.2, done.getDouble("parameters.controlGuidanceStart"));
        assertEquals(0.8, done.getDouble("parameters.controlGuidanceEnd"));
    }

    @Test
    void theScanStrengthIsHonouredReportedAndRecorded() {
        Map<String, Object> body = request("harbour at dawn [strength]");
        body.put("scanStrength", "robust");
        JsonPath done = awaitDone(submit(body));
        assertEquals("done", done.getString("status"), done.getString("error"));
        assertEquals("robust", done.getString("parameters.scanStrength"));
        assertEquals("robust", done.getString("scanReport.scanStrength"));
        assertEquals("zxing+wechat+boofcv", done.getString("scanReport.decoder"));
        assertEquals(
                done.getDouble("scanReport.relativeRobustness") >= done.getDouble("scanReport.robustnessTarget"),
                done.getBoolean("scanReport.robustnessTargetMet"));
        assertEquals(
                done.getDouble("scanReport.robustness") / done.getDouble("scanReport.plainRobustness"),
                done.getDouble("scanReport.relativeRobustness"),
                1e-5);
    }

    @Test
    void anImageTooLargeForTheGpuIsMadeAtTheNextSmallerSizeOnlyWhenTheRequestAllowsIt() {
        Map<String, Object> allowed = request("wide valley [oom-768]");
        allowed.put("size", 768);
        allowed.put("allowSmallerSize", true);
        JsonPath done = awaitDone(submit(allowed));
        assertEquals("done", done.getString("status"));
        assertEquals(512, done.getInt("parameters.size"));
        assertEquals(true, done.getBoolean("parameters.allowSmallerSize"));

        Map<String, Object> strict = request("wide valley [oom-768]");
        strict.put("size", 768);
        JsonPath failed = awaitDone(submit(strict));
        assertEquals("failed", failed.getString("status"));
        assertThat(
                failed.getString("error"),
                "too small for one image of size 768; try a smaller size, or set allowSmallerSize");
    }

    @Test
    void aDeadWorkerIsWaitedOutWithTheSameSeedAndTheRetriesAreRecorded() {
        JsonPath done = awaitDone(submit(request("lighthouse [died-twice]")));
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals(2, done.getInt("modelServerRetries"));
        assertEquals(42L, done.getLong("parameters.seed"));
        assertEquals(null, done.getString("message"), "no wait left to report");
    }

    @Test
    void aModelServerOutOfServicePastTheGraceFailsTheJobSayingSo() {
        JsonPath failed = awaitDone(submit(request("lighthouse [died]")));
        assertEquals("failed", failed.getString("status"));
        assertThat(failed.getString("error"), "the model server stayed unavailable for 1 s");
        assertTrue(failed.getInt("modelServerRetries") >= 1, failed.prettify());
    }

    @Test
    void imageThatDoesNotScanIsRepairedAndOnlyThenDelivered() {
        JsonPath done = awaitDone(submit(request("abstract [unscannable]")));
        assertEquals("done", done.getString("status"));
        assertEquals(true, done.getBoolean("scanReport.repaired"));
        assertEquals(0, done.getInt("scanReport.candidatesVerified"));
        org.junit.jupiter.api.Assertions.assertTrue(done.getInt("scanReport.modulesTouched") > 0);
        double ssim = done.getDouble("scanReport.ssim");
        org.junit.jupiter.api.Assertions.assertTrue(ssim > 0 && ssim < 1, "SSIM to the unrepaired candidate: " + ssim);
        org.junit.jupiter.api.Assertions.assertTrue(done.getDouble("scanReport.pixelsChangedShare") > 0);
        org.junit.jupiter.api.Assertions.assertTrue(
                done.getDouble("scanReport.analysis.ecHeadroom") >= 0,
                "a repaired code is within every block's correction capacity");
        byte[] png = given().when()
                .get(done.getString("imageUrl"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals("HTTPS://EXAMPLE.COM/qr-art", QrImages.decode(QrImages.png(png)));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("content", null, "content"),
                Arguments.of("content", "", "content"),
                Arguments.of("content", "x".repeat(1001), "content"),
                Arguments.of("content", "y".repeat(900), "content"),
                Arguments.of("content", "javascript:alert(1)", "content"),
                Arguments.of("content", "data:text/html;base64,PHNjcmlwdD4=", "content"),
                Arguments.of("content", "file:///etc/passwd", "content"),
                Arguments.of("content", "ftp://example.com/x", "content"),
                Arguments.of("content", "bad\u0000content", "content"),
                Arguments.of("content", "lone \ud800 surrogate", "content"),
                Arguments.of("prompt", null, "prompt"),
                Arguments.of("prompt", "   ", "prompt"),
                Arguments.of("prompt", "p".repeat(1001), "prompt"),
                Arguments.of("negativePrompt", "n".repeat(1001), "negativePrompt"),
                Arguments.of("strength", 0, "strength"),
                Arguments.of("strength", 1.5, "strength"),
                Arguments.of("strength", "strong", "strength"),
                Arguments.of("controlnetScale", -1, "controlnetScale"),
                Arguments.of("guidanceScale", 1e9, "guidanceScale"),
                Arguments.of("controlGuidanceStart", -0.1, "controlGuidanceStart"),
                Arguments.of("controlGuidanceEnd", 1.5, "controlGuidanceEnd"),
                Arguments.of("controlGuidanceEnd", "late", "controlGuidanceEnd"),
                Arguments.of("controlGuidanceStart", 1.0, "controlGuidanceEnd"),
                Arguments.of("scanStrength", "maximum", "scanStrength"),
                Arguments.of("scanStrength", 3, "scanStrength"),
                Arguments.of("steps", 0, "steps"),
                Arguments.of("steps", 2.5, "steps"),
                Arguments.of("steps", "30", "steps"),
                Arguments.of("seed", -5, "seed"),
                Arguments.of("size", 640, "size"),
                Arguments.of("candidates", 0, "candidates"),
                Arguments.of("candidates", 99, "candidates"),
                Arguments.of("colour", "blue", "colour"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badRequests")
    void badInputIsA400NamingTheField(String field, Object value, String expectedField) {
        Map<String, Object> body = request("fine art");
        body.put(field, value);
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(400)
                .body("status", is(400))
                .body("field", is(expectedField))
                .body("error", notNullValue());
    }

    @Test
    void malformedJsonIsA400OnTheBody() {
        given().contentType(ContentType.JSON)
                .body("{\"content\": ")
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(400)
                .body("field", is("body"));
    }

    @Test
    void bodyOverTheLimitIsRefusedBeforeParsing() {
        given().contentType(ContentType.JSON)
                .body("{\"prompt\": \"" + "a".repeat(70_000) + "\"}")
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(413);
    }

    @Test
    void wrongContentTypeIsA415() {
        given().contentType(ContentType.TEXT)
                .body("content=x")
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(415)
                .body("error", containsString("application/json"));
    }

    @Test
    void unknownIdIsA404() {
        given().when().get("/api/v1/generations/doesNotExist123").then().statusCode(404);
        given().when().get("/api/v1/generations/..%2F..%2Fetc").then().statusCode(404);
    }

    @Test
    void openApiDescribesTheGenerationsEndpoint() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/generations"));
    }

    @Test
    void readinessIncludesTheModelAndTheStores() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'qrart' }.data.torchserveModelReady", is(true))
                .body("checks.find { it.name == 'qrart' }.data.imageStoreReachable", is(true))
                .body("checks.find { it.name == 'qrart' }.data.recordStoreReachable", is(true))
                .body("checks.find { it.name == 'qrart' }.data.draining", is(false));
    }

    @Test
    void prometheusMetricsAreServed() {
        awaitDone(submit(request("metrics probe")));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("qrart_generations_in_flight"))
                .body(containsString("qrart_scan_checks_total"))
                .body(containsString("qrart_scan_duration_seconds_bucket{code=\"drawn\""))
                .body(containsString("qrart_scan_cpu_seconds_bucket{code=\"drawn\""))
                .body(containsString("qrart_scan_part_cpu_seconds_total{code=\"drawn\",part=\"gate\""))
                .body(containsString("qrart_generation_duration_seconds_bucket{outcome=\"done\""))
                .body(containsString("http_server_requests_seconds_bucket"))
                .body(containsString("qrart_torchserve_outstanding{endpoint="));
    }

    static void assertThat(String actual, String expectedPart) {
        org.hamcrest.MatcherAssert.assertThat(actual, containsString(expectedPart));
    }
}
