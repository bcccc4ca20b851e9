package app.qrart.gateway.api;

import static app.qrart.gateway.support.Generations.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.auth.KeySecrets;
import app.qrart.gateway.support.Generations;
import app.qrart.gateway.support.KeysOn;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * API keys through the HTTP API, the same table against each record store: missing, unknown,
 * revoked, over-rate, over-quota, wrong-origin and good keys; browser sessions opened with a key;
 * the admin API behind its secret; and no key in any log line.
 */
abstract class ApiKeyContract {

    /** Every key these tests were given, searched for in the gateway's log at the end. */
    private static final List<String> ISSUED = new ArrayList<>();

    static String createKey(Map<String, Object> fields) {
        String key = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + KeysOn.ADMIN_SECRET)
                .body(fields)
                .when()
                .post("/api/v1/admin/keys")
                .then()
                .statusCode(201)
                .body("key", matchesPattern("qrart_[a-z0-9]{10}_[A-Za-z0-9_-]{43}"))
                .body("$", not(hasKey("hash")))
                .extract()
                .path("key");
        synchronized (ISSUED) {
            ISSUED.add(key);
        }
        return key;
    }

    static String idOf(String key) {
        return KeySecrets.idOf(key).orElseThrow();
    }

    /** The 43 random characters after {@code qrart_<id>_}. */
    static String secretOf(String key) {
        return key.substring("qrart_".length() + 11);
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    static ValidatableResponse submit(RequestSpecification caller, String prompt) {
        return caller.contentType(ContentType.JSON)
                .body(request(prompt))
                .when()
                .post("/api/v1/generations")
                .then();
    }

    @Test
    void aCallWithoutAKeyIs401AndSaysHowToSendOne() {
        given().when()
                .get("/api/v1/limits")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", containsString("Authorization: Bearer"));
        submit(given(), "no key").statusCode(401);
    }

    @Test
    void unknownAndMalformedKeysAre401() {
        String real = createKey(Map.of("name", "real"));
        String sameIdOtherSecret = real.substring(0, real.length() - 4) + "AAAA";
        for (String key : List.of(sameIdOtherSecret, "qrart_zzzzzzzzzz_" + "A".repeat(43), "nonsense")) {
            as(key).get("/api/v1/limits").then().statusCode(401).body("error", is("unknown API key"));
        }
        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .get("/api/v1/limits")
                .then()
                .statusCode(401);
    }

    @Test
    void aRevokedKeyIs403() {
        String key = createKey(Map.of("name", "soon revoked"));
        as(key).get("/api/v1/limits").then().statusCode(200);
        given().header("Authorization", "Bearer " + KeysOn.ADMIN_SECRET)
                .delete("/api/v1/admin/keys/" + idOf(key))
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());
        as(key).get("/api/v1/limits").then().statusCode(403).body("error", containsString("revoked"));
        submit(as(key), "revoked").statusCode(403);
    }

    @Test
    void aGoodKeySubmitsAndSeesItsLimitsAndUsage() {
        String key = createKey(Map.of("name", "good client", "perMinute", 5, "dailyQuota", 50));
        String id = submit(as(key), "fine art with a key")
                .statusCode(202)
                .header("X-RateLimit-Limit", "5")
                .header("X-RateLimit-Remaining", "4")
                .header("X-RateLimit-Policy", "5;w=60, 50;w=86400")
                .extract()
                .path("id");
        assertEquals("done", Generations.awaitEnd(() -> as(key), id).getString("status"));
        as(key).get("/api/v1/usage")
                .then()
                .statusCode(200)
                .body("keyId", is(idOf(key)))
                .body("name", is("good client"))
                .body("usedToday", is(1))
                .body("remainingToday", is(49))
                .body("days[0].generations", is(1))
                .body("days.size()", is(30));
    }

    @Test
    void overItsRateAKeyGets429WithRetryAfterAndRateHeaders() {
        String key = createKey(Map.of("name", "hasty", "perMinute", 2, "dailyQuota", 100));
        submit(as(key), "one").statusCode(202);
        submit(as(key), "two").statusCode(202);
        submit(as(key), "three")
                .statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .header("X-RateLimit-Limit", "2")
                .header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Policy", "2;w=60")
                .body("error", containsString("this API key started too many generations"));
        String other = createKey(Map.of("name", "patient"));
        submit(as(other), "another key is not limited by it").statusCode(202);
    }

    @Test
    void overItsDailyQuotaAKeyGets429UntilMidnightUtcAndTheRefusalIsNotCounted() {
        String key = createKey(Map.of("name", "thrifty", "perMinute", 10, "dailyQuota", 2));
        submit(as(key), "first")
                .statusCode(202)
                .header("X-RateLimit-Limit", "2")
                .header("X-RateLimit-Remaining", "1");
        submit(as(key), "second").statusCode(202);
        submit(as(key), "third")
                .statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("X-RateLimit-Limit", "2")
                .header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Policy", "2;w=86400")
                .body("error", containsString("daily quota of 2"));
        as(key).get("/api/v1/usage").then().body("usedToday", is(2)).body("remainingToday", is(0));
    }

    @Test
    void aKeyWithAllowedOriginsIsRefusedFromOtherOriginsAndFineWithoutOne() {
        String key = createKey(Map.of("name", "site", "allowedOrigins", List.of("https://shop.example")));
        as(key).header("Origin", "https://shop.example")
                .get("/api/v1/limits")
                .then()
                .statusCode(200);
        as(key).get("/api/v1/limits").then().statusCode(200);
        as(key).header("Origin", "https://elsewhere.example")
                .get("/api/v1/limits")
                .then()
                .statusCode(403)
                .body("error", containsString("https://elsewhere.example"));
    }

    @Test
    void aSignedInBrowserUsesTheSessionCookieUntilTheKeyIsRevokedOrItSignsOut() {
        String key = createKey(Map.of("name", "browser"));
        var signIn = as(key).post("/api/v1/session").then().statusCode(200).body("name", is("browser"));
        String setCookie = signIn.extract().header("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains(secretOf(key)), "the cookie must not carry the key");
        String session = signIn.extract().cookie("qrart_session");
        given().cookie("qrart_session", session).get("/api/v1/limits").then().statusCode(200);
        given().cookie("qrart_session", session).get("/api/v1/session").then().body("keyId", is(idOf(key)));
        given().cookie("qrart_session", session + "x")
                .get("/api/v1/limits")
                .then()
                .statusCode(401)
                .body("error", containsString("sign in again"));
        given().cookie("qrart_session", session)
                .delete("/api/v1/session")
                .then()
                .statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
        given().header("Authorization", "Bearer " + KeysOn.ADMIN_SECRET).delete("/api/v1/admin/keys/" + idOf(key));
        given().cookie("qrart_session", session).get("/api/v1/limits").then().statusCode(403);
    }

    @Test
    void theAdminApiNeedsItsSecretAndNeverShowsHashesOrKeys() {
        String key = createKey(Map.of("name", "listed"));
        given().get("/api/v1/admin/keys").then().statusCode(401);
        as(key).get("/api/v1/admin/keys").then().statusCode(401);
        given().header("Authorization", "Bearer " + KeysOn.ADMIN_SECRET)
                .get("/api/v1/admin/keys")
                .then()
                .statusCode(200)
                .body("findAll { it.id == '" + idOf(key) + "' }.name", is(List.of("listed")))
                .body("key", everyItem(nullValue()))
                .body("hash", everyItem(nullValue()));
        given().header("Authorization", "Bearer " + KeysOn.ADMIN_SECRET)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "dailyQuota", 0))
                .post("/api/v1/admin/keys")
                .then()
                .statusCode(400)
                .body("field", is("dailyQuota"));
        given().header("Authorization", "Bearer " + KeysOn.ADMIN_SECRET)
                .delete("/api/v1/admin/keys/nosuchkey0")
                .then()
                .statusCode(404)
                .body("field", is("id"));
    }

    @Test
    void imagesStayReachableByTheirUnguessableUrls() {
        String key = createKey(Map.of("name", "images"));
        String id = submit(as(key), "an image").statusCode(202).extract().path("id");
        JsonPath done = Generations.awaitEnd(() -> as(key), id);
        assertEquals("done", done.getString("status"));
        String url = done.getString("imageUrl");
        given().get(url).then().statusCode(200).contentType("image/png");
    }

    /** Runs last in each class: by then every test above has written its log lines. */
    @AfterAll
    static void noKeyIsInAnyLogLine() throws IOException {
        String log = Files.readString(Path.of(KeysOn.LOG_FILE));
        synchronized (ISSUED) {
            assertFalse(ISSUED.isEmpty());
            assertTrue(log.contains("API key " + idOf(ISSUED.get(0)) + " created"), "the log is captured");
            assertTrue(log.contains("/api/v1/generations"), "the access log is captured");
            for (String key : ISSUED) {
                assertFalse(log.contains(secretOf(key)), "a key's secret is in the gateway log");
            }
            assertFalse(log.contains(KeysOn.ADMIN_SECRET), "the admin secret is in the gateway log");
            ISSUED.clear();
        }
    }
}
