package app.qrart.gateway.records;

import app.qrart.engine.gate.ScanStrength;
import app.qrart.gateway.job.GenerationStatus;
import app.qrart.gateway.job.Parameters;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * The stored document of one generation, versioned apart from the API's view of it. Read
 * tolerantly: fields a newer or older schema adds or drops are ignored or take their defaults.
 * The scan report is kept as a JSON tree, so the API's report can change shape without making
 * stored records unreadable. Schema 1 was the API view itself (it also held the image URLs).
 * A record without a kind is a generation; one without a short URL carries its content.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GenerationRecord(
        int schemaVersion,
        String id,
        String kind,
        GenerationStatus status,
        double progress,
        String message,
        String content,
        String shortUrl,
        ParametersRecord parameters,
        String imageKey,
        Map<String, Object> scanReport,
        Map<String, Object> moduleMap,
        String error,
        int modelServerRetries,
        Instant createdAt,
        Instant updatedAt) {

    static final int SCHEMA_VERSION = 3;

    /** The parameters a generation used, field by field. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ParametersRecord(
            String prompt,
            String negativePrompt,
            double strength,
            double controlnetScale,
            double guidanceScale,
            int steps,
            long seed,
            int size,
            int candidates,
            Boolean allowSmallerSize,
            Double controlGuidanceStart,
            Double controlGuidanceEnd,
            String scanStrength,
            String errorCorrection,
            String placement) {

        static ParametersRecord of(Parameters p) {
            return new ParametersRecord(
                    p.prompt(),
                    p.negativePrompt(),
                    p.strength(),
                    p.controlnetScale(),
                    p.guidanceScale(),
                    p.steps(),
                    p.seed(),
                    p.size(),
                    p.candidates(),
                    p.allowSmallerSize(),
                    p.controlGuidanceStart(),
                    p.controlGuidanceEnd(),
                    p.scanStrength().apiName(),
                    p.errorCorrection(),
                    p.placement());
        }

        /**
         * Missing in a stored document, the negative prompt is empty, a smaller size not allowed,
         * the control window whole, the scan strength balanced; the error-correction level stays
         * null (the configured level, which such records were made with).
         */
        Parameters toParameters() {
            return new Parameters(
                    prompt,
                    negativePrompt == null ? "" : negativePrompt,
                    strength,
                    controlnetScale,
                    guidanceScale,
                    steps,
                    seed,
                    size,
                    candidates,
                    Boolean.TRUE.equals(allowSmallerSize),
                    controlGuidanceStart == null ? 0.0 : controlGuidanceStart,
                    controlGuidanceEnd == null ? 1.0 : controlGuidanceEnd,
                    ScanStrength.fromApiName(scanStrength).orElse(ScanStrength.BALANCED),
                    errorCorrection,
                    placement);
        }
    }
}
