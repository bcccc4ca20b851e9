package app.qrart.gateway.generation;

/**
 * The body of POST /api/v1/generations. Boxed types: a missing field takes its default.
 * Unknown fields are refused (quarkus.jackson.fail-on-unknown-properties).
 */
public record GenerationRequest(
        String content,
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
        String scanStrength) {}
