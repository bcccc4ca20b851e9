package app.qrart.gateway.api;

import app.qrart.gateway.validation.InvalidFieldException;
import app.qrart.gateway.validation.PictureRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The multipart form of POST /api/v1/pictures and /api/v1/repairs: the {@code image} file and the
 * text fields; {@code contentFields} is a JSON object of strings.
 */
public class UploadForm {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    @RestForm("image")
    public FileUpload image;

    @RestForm
    public String content;

    @RestForm
    public String contentFields;

    @RestForm
    public String scanStrength;

    @RestForm
    public String errorCorrection;

    @RestForm
    public String placement;

    @RestForm
    public String prompt;

    @RestForm
    public String shortLink;

    PictureRequest toRequest(ObjectMapper mapper) {
        if (image == null) {
            throw new InvalidFieldException("image", "'image' is required: a picture file as a multipart part");
        }
        return new PictureRequest(
                bytes(image),
                image.contentType(),
                image.fileName(),
                content,
                fields(mapper),
                scanStrength,
                errorCorrection,
                placement,
                prompt,
                flag(shortLink, "shortLink"));
    }

    private Map<String, String> fields(ObjectMapper mapper) {
        if (contentFields == null) {
            return null;
        }
        try {
            return mapper.readValue(contentFields, FIELDS);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("contentFields", "'contentFields' must be a JSON object of strings");
        }
    }

    private static Boolean flag(String value, String field) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidFieldException(field, "'" + field + "' must be true or false");
        };
    }

    private static byte[] bytes(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
