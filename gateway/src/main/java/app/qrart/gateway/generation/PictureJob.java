package app.qrart.gateway.generation;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.gate.PictureEmbedder;
import app.qrart.engine.gate.ScanGate;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.image.PictureCanvas;
import app.qrart.gateway.config.PictureConfig;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.ImageCodec;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.JobRecords;
import app.qrart.gateway.job.Parameters;
import app.qrart.gateway.links.ShortLinks;
import app.qrart.gateway.picture.PictureRejectedException;
import app.qrart.gateway.picture.PictureRejectedException.Reason;
import app.qrart.gateway.validation.PictureRequest;
import app.qrart.gateway.validation.RequestValidator;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Optional;

/**
 * "Your picture": the uploaded picture made to carry the content, as the symbol it is nearest to,
 * repaired by the gate. Checked when submitted (fields, the picture, whether the code fits it) and
 * run later from the picture kept in the image store.
 */
@ApplicationScoped
public class PictureJob implements JobType {

    private final UploadedPictures uploads;
    private final PictureConfig config;
    private final RequestValidator validator;
    private final QrEncoder encoder;
    private final PictureEmbedder embedder;
    private final JobRecords jobs;

    public PictureJob(
            UploadedPictures uploads,
            PictureConfig config,
            RequestValidator validator,
            QrEncoder encoder,
            PictureEmbedder embedder,
            JobRecords jobs) {
        this.uploads = uploads;
        this.config = config;
        this.validator = validator;
        this.encoder = encoder;
        this.embedder = embedder;
        this.jobs = jobs;
    }

    @Override
    public JobKind kind() {
        return JobKind.PICTURE;
    }

    /** Checks a "your picture" request: fields first, then the picture and whether the code fits it. */
    public PreparedJob prepare(PictureRequest request) {
        String content = validator.content(request.content(), request.contentFields(), request.shortLink());
        ScanStrength strength = validator.scanStrength(request.scanStrength());
        String level = validator.errorCorrection(request.errorCorrection());
        String placement = validator.placement(request.placement());
        String prompt = uploads.prompt(request);
        ShortLinks.Draft link = validator.shortLink(request.shortLink(), content, level);
        QrSymbol smallest =
                encoder.encodeShortest(link == null ? content : link.url(), ErrorCorrectionLevel.valueOf(level));
        BufferedImage picture = PictureCanvas.fitWithin(uploads.picture(request), config.maxSide());
        int side = codeSide(picture, placement);
        int needed = (smallest.width() + 2 * encoder.quietZoneModules()) * config.minModulePixels();
        if (side < needed) {
            throw new PictureRejectedException(
                    Reason.TOO_SMALL,
                    String.format(
                            Locale.ROOT,
                            "'image' is %d x %d pixels; this content's code needs a square of at least %d x %d pixels"
                                    + " (%s placement)",
                            picture.getWidth(),
                            picture.getHeight(),
                            needed,
                            needed,
                            placement));
        }
        Parameters parameters = Parameters.forPicture(prompt, side, strength, level, placement);
        return new PreparedJob(JobKind.PICTURE, content, link, parameters, ImageCodec.png(picture));
    }

    @Override
    public void run(Generation queued) {
        uploads.run(queued, this::embed);
    }

    private void embed(Generation job, BufferedImage picture) {
        Parameters p = job.parameters();
        boolean fill = !"center".equals(p.placement());
        BufferedImage square =
                fill ? PictureCanvas.centreSquare(picture) : PictureCanvas.centreSquare(picture, p.size());
        PictureEmbedder.Embedding embedding = embedder.embed(
                square,
                carried(job),
                p.level(),
                config.extraVersions().orElse(PictureEmbedder.EXTRA_VERSIONS),
                p.scanStrength());
        Optional<ScanGate.Delivery> delivery = embedding.delivery();
        if (delivery.isEmpty()) {
            jobs.fail(job, FailureReasons.pictureUnscannable(p.scanStrength().apiName()));
            return;
        }
        BufferedImage coded = delivery.get().image();
        BufferedImage image = fill ? coded : PictureCanvas.withCentre(picture, coded);
        jobs.done(job, image, delivery.get().report(), g -> g);
    }

    /** The text the job's code carries, a URL compacted as its generation would be. */
    private String carried(Generation job) {
        ErrorCorrectionLevel level = job.parameters().level() == null
                ? encoder.defaultLevel()
                : job.parameters().level();
        return encoder.compactText(job.encodedText(), level);
    }

    private int codeSide(BufferedImage picture, String placement) {
        int shorter = Math.min(picture.getWidth(), picture.getHeight());
        return placement.equals("fill") ? shorter : (int) Math.round(shorter * config.centerShare());
    }
}
