package app.qrart.gateway.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import app.qrart.engine.testing.QrParts;
import app.qrart.gateway.support.FakeTorchServe;
import app.qrart.gateway.support.Uploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken uploads: each a 4xx naming the field, nothing accepted. */
@QuarkusTest
@QuarkusTestResource(value = FakeTorchServe.class, restrictToAnnotatedClass = true)
class HostileUploadResourceTest {

    private static final byte[] PHOTO = Uploads.png(QrParts.picture("photo", 9));
    private static final Map<String, String> CONTENT = Map.of("content", "https://qr.art/h");

    static Stream<Arguments> uploads() {
        BufferedImage tiny = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        byte[] huge = new byte[16 * 1024 * 1024 + 10];
        System.arraycopy(PHOTO, 0, huge, 0, PHOTO.length);
        return Stream.of(
                Arguments.of(
                        "not a picture",
                        "/api/v1/pictures",
                        "<html></html>".getBytes(),
                        "a.png",
                        "image/png",
                        CONTENT,
                        415,
                        "image",
                        "accepted format"),
                Arguments.of(
                        "a PNG sent as JPEG",
                        "/api/v1/pictures",
                        PHOTO,
                        "a.jpg",
                        "image/jpeg",
                        CONTENT,
                        415,
                        "image",
                        "PNG"),
                Arguments.of(
                        "a PNG named .gif",
                        "/api/v1/repairs",
                        PHOTO,
                        "a.gif",
                        "application/octet-stream",
                        CONTENT,
                        415,
                        "image",
                        "named"),
                Arguments.of(
                        "a decompression bomb",
                        "/api/v1/pictures",
                        Uploads.pngHeaderOnly(60_000, 60_000),
                        "b.png",
                        "image/png",
                        CONTENT,
                        413,
                        "image",
                        "megapixels"),
                Arguments.of(
                        "a truncated PNG",
                        "/api/v1/pictures",
                        Arrays.copyOf(PHOTO, 400),
                        "t.png",
                        "image/png",
                        CONTENT,
                        422,
                        "image",
                        "decoded"),
                Arguments.of(
                        "a tiny picture",
                        "/api/v1/pictures",
                        Uploads.png(tiny),
                        "s.png",
                        "image/png",
                        CONTENT,
                        422,
                        "image",
                        "at least"),
                Arguments.of(
                        "a tiny code to fix",
                        "/api/v1/repairs",
                        Uploads.png(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB)),
                        "s.png",
                        "image/png",
                        CONTENT,
                        422,
                        "image",
                        "at least"),
                Arguments.of(
                        "no content",
                        "/api/v1/pictures",
                        PHOTO,
                        "p.png",
                        "image/png",
                        Map.of(),
                        400,
                        "content",
                        "required"),
                Arguments.of(
                        "content and fields",
                        "/api/v1/pictures",
                        PHOTO,
                        "p.png",
                        "image/png",
                        Map.of("content", "x", "contentFields", "{\"type\":\"text\",\"text\":\"y\"}"),
                        400,
                        "content",
                        "not both"),
                Arguments.of(
                        "fields not JSON",
                        "/api/v1/pictures",
                        PHOTO,
                        "p.png",
                        "image/png",
                        Map.of("contentFields", "{type: wifi"),
                        400,
                        "contentFields",
                        "JSON"),
                Arguments.of(
                        "a field of no type",
                        "/api/v1/repairs",
                        PHOTO,
                        "p.png",
                        "image/png",
                        Map.of("contentFields", "{\"type\":\"fax\"}"),
                        400,
                        "contentFields.type",
                        "one of"),
                Arguments.of(
                        "a bad placement",
                        "/api/v1/pictures",
                        PHOTO,
                        "p.png",
                        "image/png",
                        Map.of("content", "x", "placement", "corner"),
                        400,
                        "placement",
                        "fill"),
                Arguments.of(
                        "a bad level",
                        "/api/v1/pictures",
                        PHOTO,
                        "p.png",
                        "image/png",
                        Map.of("content", "x", "errorCorrection", "X"),
                        400,
                        "errorCorrection",
                        "L, M, Q, H"),
                Arguments.of(
                        "a bad strength",
                        "/api/v1/repairs",
                        PHOTO,
                        "p.png",
                        "image/png",
                        Map.of("content", "x", "scanStrength", "max"),
                        400,
                        "scanStrength",
                        "robust"),
                Arguments.of(
                        "a javascript link",
                        "/api/v1/pictures",
                        PHOTO,
                        "p.png",
                        "image/png",
                        Map.of("content", "javascript:alert(1)"),
                        400,
                        "content",
                        "scheme"),
                Arguments.of(
                        "a file over the upload limit",
                        "/api/v1/pictures",
                        huge,
                        "big.png",
                        "image/png",
                        CONTENT,
                        413,
                        null,
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void answeredWithAClear4xx(
            String name,
            String path,
            byte[] file,
            String fileName,
            String type,
            Map<String, String> fields,
            int status,
            String field,
            String says) {
        var reply = Uploads.post(path, file, fileName, type, fields).statusCode(status);
        if (field != null) {
            reply.body("field", is(field)).body("error", containsString(says));
        }
    }
}
