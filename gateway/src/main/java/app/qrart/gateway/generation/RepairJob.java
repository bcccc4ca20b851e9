package app.qrart.gateway.generation;

import app.qrart.engine.analysis.ModuleMap;
import app.qrart.engine.analysis.ScanAnalyzer;
import app.qrart.engine.gate.ScanGate;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.image.PictureCanvas;
import app.qrart.engine.locate.NoCodeException;
import app.qrart.engine.locate.OtherContentException;
import app.qrart.engine.locate.SymbolLocator;
import app.qrart.gateway.config.PictureConfig;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.ImageCodec;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.JobRecords;
import app.qrart.gateway.job.Parameters;
import app.qrart.gateway.picture.PictureRejectedException;
import app.qrart.gateway.picture.PictureRejectedException.Reason;
import app.qrart.gateway.validation.InvalidFieldException;
import app.qrart.gateway.validation.PictureRequest;
import app.qrart.gateway.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * "Fix a code": the code found in the uploaded picture fixed in place, or kept as it is when it
 * already reads. Checked when submitted (fields, the picture, that a code is there and is the
 * content's) and run later from the picture kept in the image store.
 */
@ApplicationScoped
public class RepairJob implements JobType {

    private final UploadedPictures uploads;
    private final PictureConfig config;
    private final RequestValidator validator;
    private final ScanGate gate;
    private final ScanAnalyzer analyzer;
    private final JobRecords jobs;

    public RepairJob(
            UploadedPictures uploads,
            PictureConfig config,
            RequestValidator validator,
            ScanGate gate,
            ScanAnalyzer analyzer,
            JobRecords jobs) {
        this.uploads = uploads;
        this.config = config;
        this.validator = validator;
        this.gate = gate;
        this.analyzer = analyzer;
        this.jobs = jobs;
    }

    @Override
    public JobKind kind() {
        return JobKind.REPAIR;
    }

    /** Checks a "fix a code" request: the picture, then that a code is in it and is the content's. */
    public PreparedJob prepare(PictureRequest request) {
        if (Boolean.TRUE.equals(request.shortLink())) {
            throw new InvalidFieldException(
                    "shortLink", "'shortLink' does not apply to a repair: the code to fix is given");
        }
        String content = validator.content(request.content(), request.contentFields(), config.maxRepairContentChars());
        ScanStrength strength = validator.scanStrength(request.scanStrength());
        String prompt = uploads.prompt(request);
        BufferedImage picture = PictureCanvas.fitWithin(uploads.picture(request), config.maxRepairSide());
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
        return new PreparedJob(JobKind.REPAIR, content, null, parameters, ImageCodec.png(picture));
    }

    @Override
    public void run(Generation queued) {
        uploads.run(queued, this::fix);
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

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
