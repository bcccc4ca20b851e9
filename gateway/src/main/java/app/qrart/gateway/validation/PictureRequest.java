package app.qrart.gateway.validation;

import java.util.Map;

/**
 * An uploaded picture and what to do with it (POST /api/v1/pictures and /api/v1/repairs): the
 * file's bytes, its declared type and name; the content as text or {@code contentFields}; and the
 * optional {@code scanStrength}, {@code errorCorrection}, {@code placement} and {@code prompt}
 * (a description of the picture, kept with the record and searched by the gallery);
 * {@code shortLink}: the code carries a short link to the content (a link).
 */
public record PictureRequest(
        byte[] image,
        String imageType,
        String imageName,
        String content,
        Map<String, String> contentFields,
        String scanStrength,
        String errorCorrection,
        String placement,
        String prompt,
        Boolean shortLink) {}
