package app.qrart.gateway.generation;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.job.GalleryCursor;
import app.qrart.gateway.job.GalleryFilter;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationNotFoundException;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.ImageCodec;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.storage.ImageKeys;
import app.qrart.gateway.storage.ImageStore;
import app.qrart.gateway.validation.InvalidFieldException;
import app.qrart.gateway.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Reads of generations: one (optionally waiting for its end), the gallery, the plain QR behind one. */
@ApplicationScoped
public class GenerationQueries {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int MAX_GALLERY_PAGE = 100;
    private static final int MAX_QUERY_CHARS = 200;

    private final GenerationRepository records;
    private final ImageStore images;
    private final QrEncoder encoder;
    private final GenerationConfig config;

    public GenerationQueries(
            GenerationRepository records, ImageStore images, QrEncoder encoder, GenerationConfig config) {
        this.records = records;
        this.images = images;
        this.encoder = encoder;
        this.config = config;
    }

    /** The generation; with {@code wait}, held until it ends or {@code max-wait-seconds} pass. */
    public Generation get(String id, boolean wait) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new GenerationNotFoundException();
        }
        Generation generation = wait
                ? records.awaitEnd(id, Duration.ofSeconds(config.maxWaitSeconds()), POLL)
                        .orElseThrow(GenerationNotFoundException::new)
                : find(id);
        return withUrls(generation);
    }

    /** The plain QR code of a generation, drawn as its control image was: the "compare" overlay. */
    public byte[] plainQrPng(String id) {
        Generation generation = get(id, false);
        return ImageCodec.png(encoder.render(
                encoder.encodeShortest(
                        generation.encodedText(), generation.parameters().level()),
                generation.parameters().size()));
    }

    public GenerationRepository.Page gallery(String cursor, int limit, String query, String kind) {
        if (cursor != null && !GalleryCursor.valid(cursor)) {
            throw new InvalidFieldException("cursor", "cursor is not one this API returned");
        }
        if (limit < 1 || limit > MAX_GALLERY_PAGE) {
            throw new InvalidFieldException("limit", "limit must be in [1, " + MAX_GALLERY_PAGE + "]");
        }
        if (query != null) {
            RequestValidator.text(query, "q", MAX_QUERY_CHARS, false);
        }
        JobKind only = kind == null
                ? null
                : JobKind.fromApiName(kind)
                        .orElseThrow(() -> new InvalidFieldException(
                                "kind", "kind must be one of " + String.join(", ", JobKind.apiNames())));
        GenerationRepository.Page page = records.page(cursor, limit, new GalleryFilter(query, only));
        return new GenerationRepository.Page(
                page.items().stream().map(this::withUrls).toList(), page.nextCursor());
    }

    private Generation find(String id) {
        return records.find(id).orElseThrow(GenerationNotFoundException::new);
    }

    private Generation withUrls(Generation generation) {
        String source = generation.kind().fromUpload() ? images.url(ImageKeys.source(generation.id())) : null;
        if (generation.imageKey() == null) {
            return source == null ? generation : generation.withUrls(null, null, source);
        }
        return generation.withUrls(
                images.url(generation.imageKey()), images.url(ImageKeys.thumbnail(generation.imageKey())), source);
    }
}
