package app.qrart.gateway.api;

import static app.qrart.gateway.api.ApiKeyContract.as;
import static app.qrart.gateway.api.ApiKeyContract.createKey;
import static app.qrart.gateway.support.Generations.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.support.KeysOn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Short links when every call needs an API key: a link belongs to the key that made it, no edit
 * token is issued, another key is refused, and the admin may switch any link off and export all.
 */
@QuarkusTest
@QuarkusTestResource(value = KeysOn.Embedded.class, restrictToAnnotatedClass = true)
class LinkOwnerKeysResourceTest {

    private static String shortLinkCode(String key, String destination) {
        Map<String, Object> body = request("keyed short link");
        body.put("content", destination);
        body.put("shortLink", true);
        String url = as(key).contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/generations")
                .then()
                .statusCode(202)
                .body("shortUrl", matchesPattern("HTTP://LOCALHOST:8080/S/[2-9A-HJ-NP-Z]+"))
                .body("editToken", nullValue())
                .extract()
                .path("shortUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void aLinkBelongsToTheKeyThatMadeItAndToNoOtherKey() {
        String owner = createKey(Map.of("name", "link owner"));
        String other = createKey(Map.of("name", "someone else"));
        String code = shortLinkCode(owner, "https://example.com/keyed-menu");
        String path = "/api/v1/links/" + code;
        as(owner).when().get(path).then().statusCode(200).body("destination", is("https://example.com/keyed-menu"));
        as(other).when().get(path).then().statusCode(403);
        as(other)
                .header("X-Edit-Token", "qrl_" + "A".repeat(43))
                .when()
                .get(path)
                .then()
                .statusCode(403);
        given().when().get(path).then().statusCode(401);
        as(other)
                .contentType(ContentType.JSON)
                .body(Map.of("destination", "https://evil.example/"))
                .when()
                .patch(path)
                .then()
                .statusCode(403);
        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("destination", "https://example.com/spring-menu"))
                .when()
                .patch(path)
                .then()
                .statusCode(200)
                .body("destination", is("https://example.com/spring-menu"));
        as(owner).when().post(path + "/edit-token").then().statusCode(400).body("field", is("editToken"));
    }

    @Test
    void theAdminSwitchesAnyLinkOffAndExportsEveryLink() {
        String owner = createKey(Map.of("name", "abused link"));
        String code = shortLinkCode(owner, "https://example.com/abused");
        String admin = "Bearer " + KeysOn.ADMIN_SECRET;
        given().contentType(ContentType.JSON)
                .body(Map.of("disabled", true))
                .when()
                .patch("/api/v1/admin/links/" + code)
                .then()
                .statusCode(401);
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("disabled", true))
                .when()
                .patch("/api/v1/admin/links/" + code)
                .then()
                .statusCode(200)
                .body("disabled", is(true));
        given().redirects().follow(false).when().get("/S/" + code).then().statusCode(410);
        String export = given().header("Authorization", admin)
                .when()
                .get("/api/v1/admin/links")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        assertTrue(
                export.lines().anyMatch(line -> line.startsWith("{") && line.contains("\"code\":\"" + code + "\"")),
                export);
    }
}
