package app.qrart.gateway.job;

import app.qrart.engine.analysis.ModuleMap;
import app.qrart.engine.gate.ScanReport;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One job of any {@link JobKind}: its state and, once done, the result; also the API's view of
 * it (the storage key of its image stays inside the gateway). {@code message} says what a running
 * job waits for; {@code modelServerRetries} counts the requests it sent again after a model server
 * outage. {@code shortUrl}: the short link the code carries instead of {@code content}, which stays
 * its destination (null without one). {@code sourceUrl}: the picture the user uploaded (picture and repair jobs);
 * {@code moduleMap}: what was wrong with the code before a repair. {@code lease}: the hold of the
 * replica running it, as read from the record store (null on a job not yet taken); writes of a
 * leased job are refused once the lease is lost.
 */
public record Generation(
        String id,
        JobKind kind,
        GenerationStatus status,
        double progress,
        String message,
        String content,
        String shortUrl,
        Parameters parameters,
        String imageUrl,
        String thumbnailUrl,
        String sourceUrl,
        @JsonIgnore String imageKey,
        ScanReport scanReport,
        ModuleMap moduleMap,
        String error,
        int modelServerRetries,
        Instant createdAt,
        Instant updatedAt,
        @JsonIgnore Lease lease) {

    public static Generation queued(String id, JobKind kind, String content, Parameters parameters, Instant now) {
        return new Generation(
                id,
                kind,
                GenerationStatus.QUEUED,
                0.0,
                null,
                content,
                null,
                parameters,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                now,
                now,
                null);
    }

    /** The same job as held under this lease. */
    public Generation withLease(Lease held) {
        return copy(shortUrl, parameters, imageUrl, thumbnailUrl, sourceUrl, moduleMap, held);
    }

    /** The text the code carries: the short link when there is one, else the content. */
    public String encodedText() {
        return shortUrl == null ? content : shortUrl;
    }

    /** The same queued job carrying a short link to its content. */
    public Generation withShortUrl(String url) {
        return copy(url, parameters, imageUrl, thumbnailUrl, sourceUrl, moduleMap, lease);
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
        return copy(shortUrl, used, imageUrl, thumbnailUrl, sourceUrl, moduleMap, lease);
    }

    /** The same job with the map of what was wrong with the code it repairs. */
    public Generation withModuleMap(ModuleMap map) {
        return copy(shortUrl, parameters, imageUrl, thumbnailUrl, sourceUrl, map, lease);
    }

    /** The same job as its readers see it, with the URLs of its images (null where there is none). */
    public Generation withUrls(String image, String thumbnail, String source) {
        return copy(shortUrl, parameters, image, thumbnail, source, moduleMap, lease);
    }

    /** The same job with the fields the withers change. */
    private Generation copy(
            String nextShortUrl,
            Parameters nextParameters,
            String image,
            String thumbnail,
            String source,
            ModuleMap map,
            Lease held) {
        return new Generation(
                id,
                kind,
                status,
                progress,
                message,
                content,
                nextShortUrl,
                nextParameters,
                image,
                thumbnail,
                source,
                imageKey,
                scanReport,
                map,
                error,
                modelServerRetries,
                createdAt,
                updatedAt,
                held);
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
                kind,
                next,
                nextProgress,
                nextMessage,
                content,
                shortUrl,
                parameters,
                null,
                null,
                null,
                key,
                report,
                moduleMap,
                reason,
                retries,
                createdAt,
                now,
                lease);
    }
}
