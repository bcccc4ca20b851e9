package app.qrart.gateway.generation;

import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.ImageCodec;
import app.qrart.gateway.job.JobRecords;
import app.qrart.gateway.job.LeaseLostException;
import app.qrart.gateway.picture.PictureDecoder;
import app.qrart.gateway.validation.PictureRequest;
import app.qrart.gateway.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * What jobs that start from an uploaded picture share: the picture decoded when submitted, the
 * optional prompt checked, and at run time the picture read back from the image store, any failure
 * recorded as the job's.
 */
@ApplicationScoped
public class UploadedPictures {

    private static final Logger LOG = Logger.getLogger(UploadedPictures.class);

    private final PictureDecoder decoder;
    private final GenerationConfig generation;
    private final JobRecords jobs;

    public UploadedPictures(PictureDecoder decoder, GenerationConfig generation, JobRecords jobs) {
        this.decoder = decoder;
        this.generation = generation;
        this.jobs = jobs;
    }

    /** The request's picture, decoded and checked (format, size, pixels). */
    BufferedImage picture(PictureRequest request) {
        return decoder.decode(request.image(), request.imageType(), request.imageName())
                .image();
    }

    /** The request's prompt, checked; empty when none was given. */
    String prompt(PictureRequest request) {
        return request.prompt() == null
                ? ""
                : RequestValidator.text(request.prompt(), "prompt", generation.maxPromptChars(), false);
    }

    /** Runs the job on its uploaded picture to its recorded end: any failure is recorded as the job's. */
    void run(Generation queued, BiConsumer<Generation, BufferedImage> work) {
        try {
            jobs.saveProgress(queued.running(0.1, jobs.now()));
            work.accept(queued, ImageCodec.read(jobs.source(queued.id())));
        } catch (LeaseLostException e) {
            LOG.infof("%s job %s: result discarded: %s", queued.kind().apiName(), queued.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("%s job %s failed: %s", queued.kind().apiName(), queued.id(), e.getMessage());
            jobs.fail(queued, FailureReasons.of(e));
        }
    }
}
