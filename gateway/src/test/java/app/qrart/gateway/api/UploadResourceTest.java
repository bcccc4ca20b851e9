package app.qrart.gateway.api;

import static app.qrart.gateway.support.Generations.awaitDone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.image.Luma;
import app.qrart.engine.testing.QrImages;
import app.qrart.engine.testing.QrParts;
import app.qrart.gateway.support.FakeTorchServe;
import app.qrart.gateway.support.Generations;
import app.qrart.gateway.support.Uploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Your picture" and "fix a code" over real multipart uploads: jobs like generations (202, status
 * link, scan report, stored images, the gallery with its kind filter), every picture made in code.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeTorchServe.class, restrictToAnnotatedClass = true)
class UploadResourceTest {

    private static final String PICTURES = "/api/v1/pictures";
    private static final String REPAIRS = "/api/v1/repairs";

    private static String accepted(String path, BufferedImage picture, Map<String, String> fields) {
        return Uploads.post(path, Uploads.png(picture), "picture.png", "image/png", fields)
                .statusCode(202)
                .header("Location", containsString("/api/v1/generations/"))
                .body("status", is("queued"))
                .extract()
                .path("id");
    }

    private static BufferedImage image(String url) {
        return QrImages.png(
                given().when().get(url).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void yourPictureCarriesTheContentAndEveryReaderReadsIt() {
        String content = "https://qr.art/mine/" + UUID.randomUUID().toString().substring(0, 6);
        String tag = "sunset" + UUID.randomUUID().toString().substring(0, 6);
        String id = accepted(PICTURES, QrParts.picture("photo", 5), Map.of("content", content, "prompt", tag));
        JsonPath done = awaitDone(id);
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals("picture", done.getString("kind"));
        assertEquals("H", done.getString("parameters.errorCorrection"));
        assertEquals("fill", done.getString("parameters.placement"));
        assertTrue(done.getBoolean("scanReport.verified"));
        BufferedImage delivered = image(done.getString("imageUrl"));
        assertEquals(512, delivered.getWidth());
        String carried = done.getString("scanReport.encodedText");
        assertTrue(carried.equalsIgnoreCase(content), carried);
        assertTrue(Uploads.readsExactly(delivered, carried));
        assertEquals(512, image(done.getString("sourceUrl")).getWidth());
        JsonPath pictures = given().queryParam("q", tag)
                .queryParam("kind", "picture")
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(id), pictures.getList("items.id"));
        given().queryParam("q", tag)
                .queryParam("kind", "generated")
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void aWideCenteredPictureKeepsItsShapeAndAWifiCodeIsBuiltFromFields() {
        BufferedImage wide = new BufferedImage(720, 400, BufferedImage.TYPE_INT_RGB);
        BufferedImage gradient = QrParts.picture("gradient", 1);
        wide.createGraphics().drawImage(gradient, 0, 0, 720, 400, null);
        String fields = "{\"type\": \"wifi\", \"ssid\": \"Cafe Blue\", \"password\": \"espresso;42\"}";
        String id = accepted(
                PICTURES, wide, Map.of("contentFields", fields, "placement", "center", "errorCorrection", "Q"));
        JsonPath done = awaitDone(id);
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals("WIFI:T:WPA;S:Cafe Blue;P:espresso\\;42;;", done.getString("content"));
        assertEquals("Q", done.getString("parameters.errorCorrection"));
        BufferedImage delivered = image(done.getString("imageUrl"));
        assertEquals(720, delivered.getWidth());
        assertEquals(400, delivered.getHeight());
        assertEquals(done.getString("content"), QrImages.decode(delivered));
    }

    @Test
    void aBrokenCodeIsFixedAndItsWrongModulesAreMapped() {
        String content = "https://qr.art/fix/" + UUID.randomUUID().toString().substring(0, 6);
        BufferedImage broken = Uploads.brokenCode(content, 400);
        String id = accepted(REPAIRS, broken, Map.of("content", content, "scanStrength", "robust"));
        JsonPath done = awaitDone(id);
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals("repair", done.getString("kind"));
        assertTrue(done.getBoolean("scanReport.repaired"));
        assertTrue(done.getInt("moduleMap.wrongByKind.data") > 0, done.getString("moduleMap.wrongByKind"));
        assertNull(done.get("moduleMap.wrongByKind.finder"));
        List<Float> outline = done.getList("moduleMap.wrong[0].outline");
        assertEquals(8, outline.size());
        BufferedImage fixed = image(done.getString("imageUrl"));
        assertTrue(Uploads.readsExactly(fixed, content));
        assertFalse(Uploads.readsExactly(image(done.getString("sourceUrl")), content));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("qrart_scan_duration_seconds_count{code=\"located\""))
                .body(containsString("qrart_scan_cpu_seconds_count{code=\"located\""));
    }

    /** Codes broken in known ways: each fixed (or kept) so that every reader reads it, what was wrong mapped. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"dirty quiet zone, quiet-zone", "textured finders, finder", "reversed wrong data, data"})
    void brokenCodesAreFixedAndTheirFaultsMapped(String broken, String kind) {
        String content = "https://qr.art/fix/" + kind;
        BufferedImage picture = switch (broken) {
            case "dirty quiet zone" -> Uploads.dirtyQuietZone(content, 360);
            case "textured finders" -> Uploads.texturedFinders(content, 360);
            default -> Luma.negative(Uploads.brokenCode(content, 360));
        };
        boolean reversed = broken.startsWith("reversed");
        JsonPath done = awaitDone(accepted(REPAIRS, picture, Map.of("content", content, "scanStrength", "robust")));
        assertEquals("done", done.getString("status"), done.prettify());
        assertTrue(done.getInt("moduleMap.wrongByKind.'" + kind + "'") > 0, done.getString("moduleMap.wrongByKind"));
        BufferedImage fixed = image(done.getString("imageUrl"));
        assertTrue(Uploads.readsExactly(reversed ? Luma.negative(fixed) : fixed, content));
    }

    @Test
    void aCodeThatAlreadyScansIsLeftAsItIs() {
        String content = "https://qr.art/fine";
        BufferedImage plain = Uploads.plainCode(content, 300);
        JsonPath done = awaitDone(accepted(REPAIRS, plain, Map.of("content", content)));
        assertEquals("done", done.getString("status"), done.prettify());
        assertFalse(done.getBoolean("scanReport.repaired"));
        assertEquals(0.0, done.getDouble("scanReport.pixelsChangedShare"));
        assertEquals(0, done.getList("moduleMap.wrong").size());
        BufferedImage delivered = image(done.getString("imageUrl"));
        assertEquals(plain.getRGB(37, 151), delivered.getRGB(37, 151));
    }

    @Test
    void noCodeOrAnotherContentIsA422() {
        Uploads.post(
                        REPAIRS,
                        Uploads.png(QrParts.picture("gradient", 2)),
                        "g.png",
                        "image/png",
                        Map.of("content", "https://qr.art/x"))
                .statusCode(422)
                .body("field", is("image"))
                .body("error", containsString("no QR code"));
        Uploads.post(
                        REPAIRS,
                        Uploads.png(Uploads.plainCode("https://qr.art/other", 300)),
                        "c.png",
                        "image/png",
                        Map.of("content", "https://qr.art/mine"))
                .statusCode(422)
                .body("field", is("content"))
                .body("error", containsString("https://qr.art/other"));
    }

    @Test
    void aGenerationMayChooseItsErrorCorrectionLevel() {
        Map<String, Object> body = new HashMap<>(Generations.request("fine art"));
        body.put("errorCorrection", "L");
        JsonPath done = awaitDone(Generations.submit(body));
        assertEquals("L", done.getString("parameters.errorCorrection"));
        byte[] plain = given().when()
                .get("/api/v1/generations/" + done.getString("id") + "/qr")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertNotNull(QrImages.decode(QrImages.png(plain)));
    }
}
