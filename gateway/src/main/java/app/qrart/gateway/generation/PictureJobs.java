package app.qrart.gateway.generation;

import app.qrart.engine.analysis.ModuleMap;
import app.qrart.engine.analysis.ScanAnalyzer;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.gate.PictureEmbedder;
import app.qrart.engine.gate.ScanGate;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.image.PictureCanvas;
import app.qrart.engine.locate.NoCodeException;
import app.qrart.engine.locate.OtherContentException;
import app.qrart.engine.locate.SymbolLocator;
import app.qrart.engine.verify.QrVerifier;
import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.config.PictureConfig;
import app.qrart.gateway.links.ShortLinks;
import app.qrart.gateway.picture.DecodedPicture;
import app.qrart.gateway.picture.PictureDecoder;
import app.qrart.gateway.picture.PictureRejectedException;
import app.qrart.gateway.picture.PictureRejectedException.Reason;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Jobs that start from an uploaded picture. {@code picture}: the picture made to carry the content
 * (the symbol it is nearest to, repaired by the gate). {@code repair}: the code found in the picture
 * fixed in place, or kept as it is when it already reads. Both are checked when submitted (the
 * picture, its size, the content, and for a repair that the code is there and is the content's),
 * and run later from the picture kept in the image store.
 */
@ApplicationScoped
public class PictureJobs {

    private static final Logger LOG = Logger.getLogger(PictureJobs.class);
    static final List<String> PLACEMENTS = List.of("fill", "center");

    private final PictureDecoder decoder;
    private final PictureConfig config;
    private final GenerationConfig generation;
    private final RequestValidator validator;
    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final PictureEmbedder embedder;
    private final ScanGate gate;
    private final ScanAnalyzer analyzer;
    private final JobRecords jobs;

    public PictureJobs(
            PictureDecoder decoder,
            PictureConfig config,
            GenerationConfig generation,
            RequestValidator validator,
            QrEncoder encoder,
            QrVerifier verifier,
            PictureEmbedder embedder,
            ScanGate gate,
            ScanAnalyzer analyzer,
            JobRecords jobs) {
        this.decoder = decoder;
        this.config = config;
        this.generation = generation;
        this.validator = validator;
        this.encoder = encoder;
        this.verifier = verifier;
        this.embedder = embedder;
        this.gate = gate;
        this.analyzer = analyzer;
        this.jobs = jobs;
    }

    /** A checked job, ready to be admitted: its kind, content, parameters and the picture to keep (PNG). */
    public record Prepared(
            JobKind kind, String content, ShortLinks.Draft link, Parameters parameters, byte[] sourcePng) {}

    /** Checks a "your picture" request: fields first, then the picture and whether the code fits it. */
    public Prepared picture(PictureRequest request) {
        String content = validator.content(request.content(), request.contentFields(), request.shortLink());
        ScanStrength strength = validator.scanStrength(request.scanStrength());
        String level = validator.errorCorrection(request.errorCorrection());
        String placement = placement(request.placement());
        String prompt = prompt(request.prompt());
        ShortLinks.Draft link = validator.shortLink(request.shortLink(), content, level);
        QrSymbol smallest =
                encoder.encodeShortest(link == null ? content : link.url(), ErrorCorrectionLevel.valueOf(level));
        BufferedImage picture = PictureCanvas.fitWithin(decode(request).image(), config.maxSide());
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
        return new Prepared(JobKind.PICTURE, content, link, parameters, ImageCodec.png(picture));
    }

    /** Checks a "fix a code" request: the picture, then that a code is in it and is the content's. */
    public Prepared repair(PictureRequest request) {
        if (Boolean.TRUE.equals(request.shortLink())) {
            throw new InvalidFieldException(
                    "shortLink", "'shortLink' does not apply to a repair: the code to fix is given");
        }
        String content = validator.content(request.content(), request.contentFields(), config.maxRepairContentChars());
        ScanStrength strength = validator.scanStrength(request.scanStrength());
        String prompt = prompt(request.prompt());
        BufferedImage picture = PictureCanvas.fitWithin(decode(request).image(), config.maxRepairSide());
        int shorter = Math.min(picture.getWidth(), picture.getHeight());
        if (shorter < config.minRepairSide()) {
            throw new PictureRejectedException(
                    Reason.TOO_SMALL,
                    "'image' is " + picture.getWidth() + " x " + picture.getHeight()
                            + " pixels; a code to fix needs at least " + config.minRepairSide() + " pixels a side");
        }
        SymbolLocator.Located located = locate(picture, content);
        Parameters parameters = Parameters.forPicture(
                prompt, shorter, strength, located.symbol().errorCorrection(), null);
        return new Prepared(JobKind.REPAIR, content, null, parameters, ImageCodec.png(picture));
    }

    /** Runs a picture or repair job to its recorded end. */
    public void run(Generation queued) {
        try {
            jobs.saveProgress(queued.running(0.1, jobs.now()));
            BufferedImage picture = ImageCodec.read(jobs.source(queued.id()));
            if (queued.kind() == JobKind.REPAIR) {
                fix(queued, picture);
            } else {
                embed(queued, picture);
            }
        } catch (RuntimeException e) {
            LOG.warnf("%s job %s failed: %s", queued.kind().apiName(), queued.id(), e.getMessage());
            jobs.fail(queued, FailureReasons.of(e));
        }
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

    private void fix(Generation job, BufferedImage picture) {
        SymbolLocator.Located located = locate(picture, job.content());
        ModuleMap map = analyzer.moduleMap(located.asRead(picture), located.symbol(), located.grid());
        Optional<ScanGate.Delivery> delivery =
                gate.fixInPlace(picture, located, job.parameters().scanStrength());
        if (delivery.isEmpty()) {
            jobs.fail(
                    job.withModuleMap(map),
                    FailureReasons.repairUnscannable(
                            job.parameters().scanStrength().apiName()));
            return;
        }
        jobs.done(job, delivery.get().image(), delivery.get().report(), g -> g.withModuleMap(map));
    }

    /** The content's code in the picture, or why there is none: no code, or a code for another content. */
    private SymbolLocator.Located locate(BufferedImage picture, String content) {
        try {
            return SymbolLocator.find(
                    picture, content, config.maxDisagreement().orElse(SymbolLocator.MAX_DISAGREEMENT));
        } catch (OtherContentException e) {
            throw new PictureRejectedException(
                    Reason.NOT_MATCHED,
                    "the code in the picture opens '" + shorten(e.read()) + "', not the given content");
        } catch (NoCodeException e) {
            throw new PictureRejectedException(Reason.NO_CODE, e.getMessage());
        }
    }

    private DecodedPicture decode(PictureRequest request) {
        return decoder.decode(request.image(), request.imageType(), request.imageName());
    }

    private int codeSide(BufferedImage picture, String placement) {
        int shorter = Math.min(picture.getWidth(), picture.getHeight());
        return placement.equals("fill") ? shorter : (int) Math.round(shorter * config.centerShare());
    }

    private String placement(String requested) {
        String placement = requested == null ? config.defaultPlacement() : requested;
        if (!PLACEMENTS.contains(placement)) {
            throw new InvalidFieldException(
                    "placement",
                    "'placement' must be one of " + String.join(", ", PLACEMENTS) + ", got '" + placement + "'");
        }
        return placement;
    }

    private String prompt(String prompt) {
        return prompt == null ? "" : RequestValidator.text(prompt, "prompt", generation.maxPromptChars(), false);
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
