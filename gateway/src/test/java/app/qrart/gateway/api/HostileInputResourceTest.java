package app.qrart.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import app.qrart.gateway.support.FakeTorchServe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malicious and malformed requests: each a 4xx with a clear message, never a 5xx or a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = FakeTorchServe.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputResourceTest {

    private static final String GENERATIONS = "/api/v1/generations";

    static String body(String field, String jsonValue) {
        String base = "\"content\": \"https://example.com\", \"prompt\": \"fine art\", \"seed\": 1";
        return "{" + base.replaceAll("\"" + field + "\": [^,]+(, )?", "") + ", \"" + field + "\": " + jsonValue + "}";
    }

    static Arguments post(String name, String contentType, byte[] body) {
        return Arguments.of(name, "POST", GENERATIONS, contentType, body);
    }

    static Arguments json(String name, String body) {
        return post(name, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static Arguments field(String field, String jsonValue) {
        return json(field + "=" + jsonValue.substring(0, Math.min(40, jsonValue.length())), body(field, jsonValue));
    }

    static List<Arguments> fields(String field, String... jsonValues) {
        return Stream.of(jsonValues).map(value -> field(field, value)).toList();
    }

    static Arguments get(String name, String path) {
        return Arguments.of(name, "GET", path, null, null);
    }

    static Stream<Arguments> hostile() {
        List<Arguments> cases = new ArrayList<>(List.of(
                json("empty body", ""),
                json("null", "null"),
                json("array", "[]"),
                json("string", "\"hello\""),
                json("number", "42"),
                json("truncated", "{\"content\": "),
                json("trailing garbage", "{\"content\": \"a\", \"prompt\": \"b\"} {}"),
                json("single quotes", "{'content': 'a'}"),
                json("comment", "{/* x */ \"content\": \"a\"}"),
                json("deep array nesting", "[".repeat(3000) + "]".repeat(3000)),
                json("deep object nesting", "{\"content\": " + "{\"a\": ".repeat(2000) + "1" + "}".repeat(2001)),
                json(
                        "duplicate keys",
                        "{\"content\": \"https://a.example\", \"content\": \"javascript:alert(1)\", "
                                + "\"prompt\": \"p\"}"),
                json("huge body", "{\"prompt\": \"" + "a".repeat(80_000) + "\"}"),
                json("extremely long prompt", body("prompt", "\"" + "p".repeat(5000) + "\"")),
                post("text/plain", "text/plain", "content=x".getBytes(StandardCharsets.UTF_8)),
                post("xml", "application/xml", "<content>x</content>".getBytes(StandardCharsets.UTF_8)),
                post("csv", "text/csv", "content,x".getBytes(StandardCharsets.UTF_8)),
                post("invalid UTF-8", "application/json", new byte[] {
                    '{', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                }),
                post("overlong UTF-8 slash", "application/json", new byte[] {
                    '{', '"', 'p', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'
                })));
        cases.addAll(fields(
                "content",
                "\"javascript:alert(1)\"",
                "\"JaVaScRiPt:alert(1)\"",
                "\"  javascript:alert(1)\"",
                "\"java\\tscript:alert(1)\"",
                "\"java\\nscript:alert(1)\"",
                "\"data:text/html,<script>x</script>\"",
                "\"file:///etc/passwd\"",
                "\"vbscript:msgbox\"",
                "\"https://ex\\u202Eample.com\"",
                "\"https://exa\\u200Bmple.com\"",
                "\"\\u0000\"",
                "\"a\\u001b[31mred\"",
                "\"\\ud800\"",
                "\"\"",
                "\"   \"",
                "null",
                "42",
                "[\"https://a\"]",
                "{\"url\": \"https://a\"}",
                "\"" + "y".repeat(950) + "\""));
        cases.addAll(fields("prompt", "\"\\u202Egnp.exe\"", "\"zero\\u200Dwidth\"", "\"bell\\u0007\"", "123", "null"));
        cases.addAll(fields("strength", "NaN", "Infinity", "-Infinity", "-0.5", "1e309", "\"0.9\"", "true", "[0.9]"));
        cases.addAll(fields("steps", "-1", "99999999999999999999", "1.5", "\"30\"", "1000"));
        cases.addAll(fields("seed", "-1", "9007199254740993", "1e400", "\"1\""));
        cases.add(field("size", "513"));
        cases.add(field("candidates", "100000"));
        cases.add(field("guidanceScale", "-7.5"));
        cases.add(field("controlnetScale", "1e308"));
        cases.add(field("__proto__", "{\"admin\": true}"));
        cases.add(field("constructor", "{}"));
        cases.add(get("traversal in id", GENERATIONS + "/..%2F..%2Fetc%2Fpasswd"));
        cases.add(get("encoded NUL in id", GENERATIONS + "/abc%00defgh"));
        cases.add(get("injection in id", GENERATIONS + "/'%20OR%201=1--"));
        cases.add(get("wait not a boolean", GENERATIONS + "/abcdefghijk?wait=maybe"));
        cases.add(get("traversal in image", "/api/v1/images/..%2F..%2Fetc%2Fpasswd"));
        cases.add(get("image with NUL", "/api/v1/images/abcdefgh%00.png"));
        cases.add(get("image not png", "/api/v1/images/abcdefghij.jsp"));
        cases.add(get("cursor traversal", "/api/v1/gallery?cursor=..%2F..%2Fetc"));
        cases.add(get("cursor injection", "/api/v1/gallery?cursor=%27%20OR%201%3D1%20--"));
        cases.add(get("cursor NoSQL", "/api/v1/gallery?cursor=%7B%22%24gt%22%3A%22%22%7D"));
        cases.add(get("limit negative", "/api/v1/gallery?limit=-1"));
        cases.add(get("limit huge", "/api/v1/gallery?limit=99999999999"));
        cases.add(get("limit text", "/api/v1/gallery?limit=ten"));
        cases.add(get("filter with control chars", "/api/v1/gallery?q=a%00b"));
        cases.add(get("filter with bidi override", "/api/v1/gallery?q=%E2%80%AEabc"));
        cases.add(get("filter too long", "/api/v1/gallery?q=" + "q".repeat(300)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    @Order(1)
    void answeredWithAClear4xx(String name, String method, String path, String contentType, byte[] body) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (contentType != null) {
            request = request.contentType(contentType).body(body);
        }
        request.when()
                .request(method, path)
                .then()
                .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)))
                .body(allOf(
                        not(containsString("Exception")),
                        not(containsString("\tat ")),
                        not(containsString("at app.qrart"))));
    }

    @Test
    @Order(2)
    void serviceIsHealthyAfterwards() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().when().get("/api/v1/gallery").then().statusCode(200);
    }
}
