package app.qrart.gateway.api;

import static app.qrart.gateway.support.Generations.awaitDone;
import static app.qrart.gateway.support.Generations.request;
import static app.qrart.gateway.support.Generations.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.qrart.gateway.support.FakeTorchServe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FakeTorchServe.class, restrictToAnnotatedClass = true)
class GalleryResourceTest {

    @Test
    void galleryListsDoneGenerationsNewestFirstWithCursorPagesAndAPromptFilter() {
        String tag = "gallerytag" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = submit(request("natural scene " + tag + " number " + i));
            awaitDone(id);
            ids.add(id);
        }
        JsonPath first = given().queryParam("q", tag.toUpperCase())
                .queryParam("limit", 2)
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(ids.get(2), ids.get(1)), first.getList("items.id"));
        assertNotNull(first.getString("items[0].thumbnailUrl"));
        assertEquals(42L, first.getLong("items[0].parameters.seed"));
        assertEquals(true, first.getBoolean("items[0].scanReport.verified"));
        String cursor = first.getString("nextCursor");
        assertNotNull(cursor);
        JsonPath second = given().queryParam("q", tag)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(ids.get(0)), second.getList("items.id"));
        assertNull(second.getString("nextCursor"));
    }

    @Test
    void failedGenerationsStayOutOfTheGallery() {
        String tag = "failtag" + UUID.randomUUID().toString().substring(0, 8);
        awaitDone(submit(request(tag + " [oom]")));
        given().queryParam("q", tag)
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void forgedCursorsAndBadLimitsAre400s() {
        given().queryParam("cursor", "../../etc/passwd")
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(400)
                .body("field", is("cursor"));
        given().queryParam("cursor", "' OR 1=1 --")
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(400)
                .body("field", is("cursor"));
        given().queryParam("limit", 0)
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(400)
                .body("field", is("limit"));
        given().queryParam("limit", "many")
                .when()
                .get("/api/v1/gallery")
                .then()
                .statusCode(400)
                .body("field", is("limit"));
    }
}
