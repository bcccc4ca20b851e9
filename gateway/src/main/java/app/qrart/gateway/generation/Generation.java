package app.qrart.gateway.generation;

import app.qrart.gateway.qr.gate.ScanReport;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One generation: the job state and, once done, the result; also the API's view of it (the
 * storage key of its image stays inside the gateway). {@code message} says what a running job
 * waits for; {@code modelServerRetries} counts the requests it sent again after a model server
 * outage.
 */
public record Generation(
        String id,
        GenerationStatus status,
        double progress,
        String message,
        String content,
        Parameters parameters,
        String imageUrl,
        String thumbnailUrl,
        @JsonIgnore String imageKey,
        ScanReport scanReport,
        String error,
        int modelServerRetries,
        Instant createdAt,
        Instant updatedAt) {

    public static Generation queued(String id, String content, Parameters parameters, Instant now) {
        return new Generation(
                id, GenerationStatus.QUEUED, 0.0, null, content, parameters, null, null, null, null, null, 0, now, now);
    }

    public Generation running(double progress, Instant now) {
        return state(GenerationStatus.RUNNING, progress, null, imageKey, scanReport, null, modelServerRetries, now);
    }

    /** Still running, waiting for the model server to come back; one more request will be sent. */
    public Generation waitingForModelServer(String why, Instant now) {
        return state(GenerationStatus.RUNNING, progress, why, imageKey, scanReport, null, modelServerRetries + 1, now);
    }

    public Generation done(String imageKey, ScanReport report, Instant now) {
        return state(GenerationStatus.DONE, 1.0, null, imageKey, report, null, modelServerRetries, now);
    }

    public Generation failed(String reason, Instant now) {
        return state(GenerationStatus.FAILED, progress, null, imageKey, scanReport, reason, modelServerRetries, now);
    }

    /** The parameters the delivered image was made with (a retry round may change seed and scale). */
    public Generation withParameters(Parameters used) {
        return new Generation(
                id,
                status,
                progress,
                message,
                content,
                used,
                imageUrl,
                thumbnailUrl,
                imageKey,
                scanReport,
                error,
                modelServerRetries,
                createdAt,
                updatedAt);
    }

    /** The same generation as its readers see it, with the URLs of its image. */
    public Generation withUrls(String image, String thumbnail) {
        return new Generation(
                id,
                status,
                progress,
                message,
                content,
                parameters,
                image,
                thumbnail,
                imageKey,
                scanReport,
                error,
                modelServerRetries,
                createdAt,
                updatedAt);
    }

    private Generation state(
            GenerationStatus next,
            double nextProgress,
            String nextMessage,
            String key,
            ScanReport report,
            String reason,
            int retries,
            Instant now) {
        return new Generation(
                id,
                next,
                nextProgress,
                nextMessage,
                content,
                parameters,
                null,
                null,
                key,
                report,
                reason,
                retries,
                createdAt,
                now);
    }
}
