package app.qrart.gateway.api;

import static app.qrart.gateway.support.Generations.awaitDone;
import static app.qrart.gateway.support.Generations.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.testing.QrImages;
import app.qrart.engine.testing.QrParts;
import app.qrart.gateway.support.Eventually;
import app.qrart.gateway.support.FakeTorchServe;
import app.qrart.gateway.support.Uploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Short links over HTTP, with the embedded store and links on as {@code make run} has them
 * (support/TestDefaults: a 1 s cache, a 0.5 s flush): jobs that carry a short link, the redirect
 * table, the owner's proofs, bad input, guessing and scan counts.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeTorchServe.class, restrictToAnnotatedClass = true)
class LinkResourceTest {

    static final String SHORT_URL = "HTTP://LOCALHOST:8080/S/[2-9A-HJ-NP-Z]{5,16}";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15";
    static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/124.0";
    private static final long DEADLINE_MS = 15_000;

    /** A link made by a generation: its job id, short URL, code and edit token. */
    record Made(String id, String shortUrl, String code, String editToken) {}

    static String destination(String tag) {
        return "https://shop.example.com/menu/" + tag + "?utm_source=qr&utm_medium=print&utm_campaign=winter-"
                + UUID.randomUUID();
    }

    static Made shortLinkGeneration(String destination) {
        Map<String, Object> body = request("short link " + destination.hashCode());
        body.put("content", destination);
        body.put("shortLink", true);
        JsonPath accepted = given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(202)
                .body("shortUrl", matchesPattern(SHORT_URL))
                .body("editToken", matchesPattern("qrl_[A-Za-z0-9_-]{43}"))
                .extract()
                .jsonPath();
        String url = accepted.getString("shortUrl");
        return new Made(
                accepted.getString("id"),
                url,
                url.substring(url.lastIndexOf('/') + 1),
                accepted.getString("editToken"));
    }

    static RequestSpecification visitor(String userAgent) {
        return given().redirects().follow(false).header("User-Agent", userAgent);
    }

    private static void refused(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(400)
                .body("field", is(field));
    }

    private static JsonPath link(Made made) {
        return given().header("X-Edit-Token", made.editToken())
                .when()
                .get("/api/v1/links/" + made.code())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Response patch(Made made, String token, Map<String, Object> change) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(change);
        if (token != null) {
            request = request.header("X-Edit-Token", token);
        }
        return request.when().patch("/api/v1/links/" + made.code());
    }

    @Test
    void aGenerationCarriesItsShortLinkReadByEveryReaderAtItsSmallVersionAndTheLinkLeadsToTheContent() {
        String destination = destination("generation");
        Made made = shortLinkGeneration(destination);
        JsonPath job = given().when()
                .get("/api/v1/generations/" + made.id())
                .then()
                .statusCode(200)
                .body("content", is(destination))
                .body("shortUrl", is(made.shortUrl()))
                .body("editToken", nullValue())
                .extract()
                .jsonPath();
        assertFalse(job.prettify().contains(made.editToken()), "the edit token is shown in the 202 reply only");
        JsonPath done = awaitDone(made.id());
        assertEquals("done", done.getString("status"), done.prettify());
        BufferedImage delivered = QrImages.png(given().when()
                .get(done.getString("imageUrl"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertTrue(Uploads.readsExactly(delivered, made.shortUrl()), "ZXing, WeChat and BoofCV read the short URL");
        int version = given().when().get("/api/v1/limits").then().extract().path("links.versionByLevel.H");
        assertEquals(version, QrImages.version(delivered));
        assertTrue(version < 7, "a short link's code is smaller than the long link's");
        String gallery = given().queryParam("limit", 100)
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(gallery.contains(made.shortUrl()));
        assertFalse(gallery.contains(made.editToken()), "the gallery is public: no edit token");
        visitor(IPHONE).when().get("/S/" + made.code()).then().statusCode(302).header("Location", destination);
    }

    @Test
    void yourPictureCarriesItsShortLinkAndALinkLongerThanAnyCodeHoldsIsFine() {
        String destination = destination("picture") + "&pad=" + "x".repeat(1500);
        String id = Uploads.post(
                        "/api/v1/pictures",
                        Uploads.png(QrParts.picture("photo", 7)),
                        "picture.png",
                        "image/png",
                        Map.of("content", destination, "shortLink", "true"))
                .statusCode(202)
                .body("shortUrl", matchesPattern(SHORT_URL))
                .extract()
                .path("id");
        JsonPath done = awaitDone(id);
        assertEquals("done", done.getString("status"), done.prettify());
        String shortUrl = done.getString("shortUrl");
        BufferedImage delivered = QrImages.png(
                given().when().get(done.getString("imageUrl")).then().extract().asByteArray());
        assertTrue(Uploads.readsExactly(delivered, shortUrl));
        visitor(ANDROID)
                .when()
                .get("/S/" + shortUrl.substring(shortUrl.lastIndexOf('/') + 1))
                .then()
                .statusCode(302)
                .header("Location", destination);
    }

    @Test
    void theRedirectTable() {
        String destination = destination("table");
        Made made = shortLinkGeneration(destination);
        visitor(IPHONE)
                .when()
                .get("/S/" + made.code())
                .then()
                .statusCode(302)
                .header("Location", destination)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer");
        visitor(ANDROID)
                .when()
                .get("/s/" + made.code().toLowerCase())
                .then()
                .statusCode(302)
                .header("Location", destination);
        visitor(IPHONE).when().head("/S/" + made.code()).then().statusCode(302).header("Location", destination);
        visitor("facebookexternalhit/1.1")
                .when()
                .get("/S/" + made.code())
                .then()
                .statusCode(302);
        visitor(IPHONE)
                .header("X-Forwarded-For", "198.51.100.1")
                .when()
                .get("/S/ZZZZZZZZZZZZZZZZ")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("No link has this code"));

        JsonPath counted = Eventually.within(
                DEADLINE_MS,
                () -> link(made),
                view -> view.getLong("totalScans") >= 2,
                "two scans counted after a flush");
        Eventually.pause(1200);
        counted = link(made);
        assertEquals(2L, counted.getLong("totalScans"), "HEAD and the preview bot are not scans");
        assertEquals(1L, counted.getLong("scans[0].ios"));
        assertEquals(1L, counted.getLong("scans[0].android"));
        assertEquals(0L, counted.getLong("scans[0].other"));

        patch(made, made.editToken(), Map.of("disabled", true))
                .then()
                .statusCode(200)
                .body("disabled", is(true));
        Eventually.within(
                DEADLINE_MS,
                () -> visitor(IPHONE).when().get("/S/" + made.code()).statusCode(),
                status -> status == 410,
                "a switched-off link answers 410 within the cache's life");
        visitor(IPHONE)
                .when()
                .get("/S/" + made.code())
                .then()
                .statusCode(410)
                .contentType(containsString("text/html"))
                .body(containsString("switched off"));
    }

    @Test
    void redirectMetricsNameTheRouteNeverTheCode() {
        Made made = shortLinkGeneration(destination("metrics"));
        visitor(IPHONE).when().get("/S/" + made.code()).then().statusCode(302);
        visitor(IPHONE).when().get("/s/" + made.code().toLowerCase()).then().statusCode(302);
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metrics.contains("uri=\"/S/{code}\""), "the route's template names the series");
        assertFalse(metrics.contains(made.code()), "no series per code");
        assertFalse(metrics.toLowerCase().contains(made.code().toLowerCase()), "no series per code");
        assertTrue(metrics.contains("qrart_links_redirects_total{outcome=\"found\""));
    }

    @Test
    void aChangedDestinationIsFollowedWithinTheCachesLife() {
        Made made = shortLinkGeneration(destination("edit"));
        visitor(IPHONE).when().get("/S/" + made.code()).then().statusCode(302);
        String next = "https://example.org/new-menu";
        patch(made, made.editToken(), Map.of("destination", next))
                .then()
                .statusCode(200)
                .body("destination", is(next))
                .body("history.size()", is(2));
        long changed = System.currentTimeMillis();
        Eventually.within(
                DEADLINE_MS,
                () -> visitor(IPHONE).when().get("/S/" + made.code()).header("Location"),
                next::equals,
                "the new destination is followed");
        assertTrue(System.currentTimeMillis() - changed < 5_000, "within the 1 s cache life and a margin");
    }

    @Test
    void theOwnersProofs() {
        Made made = shortLinkGeneration(destination("owner"));
        String path = "/api/v1/links/" + made.code();
        given().when().get(path).then().statusCode(401);
        given().header("X-Edit-Token", "qrl_" + "A".repeat(43))
                .when()
                .get(path)
                .then()
                .statusCode(403);
        given().header("X-Edit-Token", made.editToken())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("code", is(made.code()))
                .body("shortUrl", is(made.shortUrl()))
                .body("scans.size()", is(30))
                .body("$", not(hasKey("editTokenHash")));
        given().header("X-Edit-Token", made.editToken())
                .when()
                .get("/api/v1/links/" + made.code().toLowerCase())
                .then()
                .statusCode(200);
        String rotated = given().header("X-Edit-Token", made.editToken())
                .when()
                .post(path + "/edit-token")
                .then()
                .statusCode(200)
                .extract()
                .path("editToken");
        assertNotEquals(made.editToken(), rotated);
        given().header("X-Edit-Token", made.editToken()).when().get(path).then().statusCode(403);
        given().header("X-Edit-Token", rotated).when().get(path).then().statusCode(200);
        given().header("X-Edit-Token", rotated)
                .when()
                .get("/api/v1/links/ZZZZZZZZZZZZ")
                .then()
                .statusCode(404);
    }

    @Test
    void anOwnerMayChangeALinkOnlySoOftenADay() {
        Made made = shortLinkGeneration(destination("limit"));
        for (int i = 0; i < 6; i++) {
            patch(made, made.editToken(), Map.of("destination", "https://example.org/" + i))
                    .then()
                    .statusCode(200);
        }
        patch(made, made.editToken(), Map.of("destination", "https://example.org/7"))
                .then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "https://phish.example/login",
                "https://login.phish.example/login",
                "https://example.com/\u0001control",
                "TOO_LONG"
            })
    void aDestinationThatMayNotBeOneIsA400NamingTheField(String bad) {
        String content = bad.equals("TOO_LONG") ? "https://example.com/" + "a".repeat(2100) : bad;
        Map<String, Object> body = request("bad destination");
        body.put("content", content);
        body.put("shortLink", true);
        refused(body, "content");
        Made made = shortLinkGeneration(destination("patch"));
        patch(made, made.editToken(), Map.of("destination", content))
                .then()
                .statusCode(400)
                .body("field", is("destination"));
    }

    @Test
    void shortLinkOnStructuredContentOrARepairIsA400NamingShortLink() {
        Map<String, Object> body = request("wifi");
        body.remove("content");
        body.put("contentFields", Map.of("type", "wifi", "ssid", "Cafe", "password", "espresso1"));
        body.put("shortLink", true);
        refused(body, "shortLink");
        String content = "https://qr.art/fix-me";
        Uploads.post(
                        "/api/v1/repairs",
                        Uploads.png(Uploads.plainCode(content, 512)),
                        "code.png",
                        "image/png",
                        Map.of("content", content, "shortLink", "true"))
                .statusCode(400)
                .body("field", is("shortLink"));
        Uploads.post(
                        "/api/v1/pictures",
                        Uploads.png(QrParts.picture("photo", 3)),
                        "picture.png",
                        "image/png",
                        Map.of("content", content, "shortLink", "maybe"))
                .statusCode(400)
                .body("field", is("shortLink"));
    }

    @Test
    void guessingCodesPastTheMissAllowanceIsA429() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 5; i++) {
            visitor(IPHONE)
                    .header("X-Forwarded-For", address)
                    .when()
                    .get("/S/GUESS" + "ABCDEFGH".charAt(i) + "234")
                    .then()
                    .statusCode(404);
        }
        visitor(IPHONE)
                .header("X-Forwarded-For", address)
                .when()
                .get("/S/GUESSZ234")
                .then()
                .statusCode(429)
                .contentType(containsString("text/html"))
                .header("Retry-After", matchesPattern("\\d+"));
    }

    @Test
    void limitsAndTheVersionHintTellAShortLinksSize() {
        given().when()
                .get("/api/v1/limits")
                .then()
                .statusCode(200)
                .body("links.enabled", is(true))
                .body("links.baseUrl", is("HTTP://LOCALHOST:8080/S/"))
                .body("links.maxDestinationChars", is(2048))
                .body("links.versionByLevel.H", is(3));
        String menu = "https://shop.example.com/menu?table=4&utm_source=qr";
        Map<String, Object> hint = new HashMap<>(given().queryParam("content", menu)
                .queryParam("errorCorrection", "H")
                .when()
                .get("/api/v1/limits/version")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$"));
        assertEquals(6, hint.get("version"), hint.toString());
        assertEquals(10, hint.get("maxVersion"));
        assertEquals(3, hint.get("shortLinkVersion"));
        given().queryParam("content", "plain text, no link")
                .when()
                .get("/api/v1/limits/version")
                .then()
                .statusCode(200)
                .body("shortLinkVersion", nullValue());
        given().queryParam("content", "https://example.com/" + "a".repeat(3000))
                .when()
                .get("/api/v1/limits/version")
                .then()
                .statusCode(400)
                .body("field", is("content"));
    }
}
