package app.qrart.gateway.validation;

import java.util.Map;

/**
 * The body of POST /api/v1/generations. Boxed types: a missing field takes its default.
 * Unknown fields are refused (quarkus.jackson.fail-on-unknown-properties). The code's content is
 * either {@code content} as it is or {@code contentFields} ({@link StructuredContent}). With
 * {@code shortLink}, {@code content} is a link and the code carries a short link to it.
 */
public record GenerationRequest(
        String content,
        Map<String, String> contentFields,
        String prompt,
        String negativePrompt,
        Double strength,
        Double controlnetScale,
        Double guidanceScale,
        Integer steps,
        Long seed,
        Integer size,
        Integer candidates,
        Boolean allowSmallerSize,
        Double controlGuidanceStart,
        Double controlGuidanceEnd,
        String scanStrength,
        String errorCorrection,
        Boolean shortLink) {}
