package app.qrart.gateway.generation;

import app.qrart.gateway.qr.gate.ScanReport;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One generation: the job state and, once done, the result; also the API's view of it (the
 * storage key of its image stays inside the gateway).
 */
public record Generation(
        String id,
        GenerationStatus status,
        double progress,
        String content,
        Parameters parameters,
        String imageUrl,
        String thumbnailUrl,
        @JsonIgnore String imageKey,
        ScanReport scanReport,
        String error,
        Instant createdAt,
        Instant updatedAt) {

    public static Generation queued(String id, String content, Parameters parameters, Instant now) {
        return new Generation(
                id, GenerationStatus.QUEUED, 0.0, content, parameters, null, null, null, null, null, now, now);
    }

    public Generation running(double progress, Instant now) {
        return new Generation(
                id,
                GenerationStatus.RUNNING,
                progress,
                content,
                parameters,
                imageUrl,
                thumbnailUrl,
                imageKey,
                scanReport,
                null,
                createdAt,
                now);
    }

    public Generation done(String imageKey, ScanReport report, Instant now) {
        return new Generation(
                id,
                GenerationStatus.DONE,
                1.0,
                content,
                parameters,
                null,
                null,
                imageKey,
                report,
                null,
                createdAt,
                now);
    }

    public Generation failed(String reason, Instant now) {
        return new Generation(
                id,
                GenerationStatus.FAILED,
                progress,
                content,
                parameters,
                imageUrl,
                thumbnailUrl,
                imageKey,
                scanReport,
                reason,
                createdAt,
                now);
    }

    /** The parameters the delivered image was made with (a retry round may change seed and scale). */
    public Generation withParameters(Parameters used) {
        return new Generation(
                id,
                status,
                progress,
                content,
                used,
                imageUrl,
                thumbnailUrl,
                imageKey,
                scanReport,
                error,
                createdAt,
                updatedAt);
    }

    public Generation withUrls(String image, String thumbnail) {
        return new Generation(
                id,
                status,
                progress,
                content,
                parameters,
                image,
                thumbnail,
                imageKey,
                scanReport,
                error,
                createdAt,
                updatedAt);
    }
}
