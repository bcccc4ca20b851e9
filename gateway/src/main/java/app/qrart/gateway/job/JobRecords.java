package app.qrart.gateway.job;

import app.qrart.engine.gate.ScanReport;
import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.retry.Backoff;
import app.qrart.gateway.storage.ImageKeys;
import app.qrart.gateway.storage.ImageStore;
import app.qrart.gateway.storage.ImageStoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * A job's writes, each retried with back-off: progress (worth recording, not worth the job), the
 * outcome, and the delivered image before the record pointing at it, so a record that says done
 * always has its image.
 */
@ApplicationScoped
public class JobRecords {

    private static final Logger LOG = Logger.getLogger(JobRecords.class);
    static final int THUMBNAIL_SIDE = 256;

    private final ImageStore images;
    private final GenerationRepository records;
    private final Backoff writes;
    private final Clock clock = Clock.systemUTC();

    public JobRecords(ImageStore images, GenerationRepository records, StorageConfig storage) {
        this.images = images;
        this.records = records;
        this.writes = new Backoff(storage.writeAttempts(), storage.writeBackoff());
    }

    public Instant now() {
        return clock.instant();
    }

    /** Progress: when the record store stays down through the retries the job goes on. */
    public void saveProgress(Generation job) {
        try {
            save(job);
        } catch (LeaseLostException e) {
            LOG.infof("job %s: progress not recorded: %s", job.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("job %s: progress not recorded, going on: %s", job.id(), e.getMessage());
        }
    }

    public void fail(Generation job, String reason) {
        try {
            save(job.failed(reason, now()));
        } catch (LeaseLostException e) {
            LOG.infof("job %s: failure not recorded, another replica runs it: %s", job.id(), e.getMessage());
        } catch (RuntimeException e) {
            // The record store is down: the job stays unfinished and is failed on the next start.
            LOG.errorf("could not record the failure of %s: %s", job.id(), e.getMessage());
        }
    }

    /**
     * Image and thumbnail, named by the job's lease epoch, then the record that says done;
     * {@code finish} adds what the kind records. When the lease was lost meanwhile, the images
     * are removed again and {@link LeaseLostException} says so.
     */
    public void done(Generation job, BufferedImage image, ScanReport report, UnaryOperator<Generation> finish) {
        String key =
                ImageKeys.image(job.id(), job.lease() == null ? 0 : job.lease().epoch());
        String thumbnail = ImageKeys.thumbnail(key);
        try {
            writes.run(() -> {
                images.put(key, ImageCodec.png(image));
                images.put(thumbnail, ImageCodec.png(ImageCodec.thumbnail(image, THUMBNAIL_SIDE)));
            });
        } catch (RuntimeException e) {
            throw new ImageStoreException(e);
        }
        try {
            save(finish.apply(job).done(key, report, now()));
        } catch (LeaseLostException lost) {
            forget(key, thumbnail);
            throw lost;
        }
    }

    private void forget(String... keys) {
        try {
            for (String key : keys) {
                images.delete(key);
            }
        } catch (RuntimeException e) {
            LOG.warnf("images %s of a job whose lease was lost stay: %s", String.join(", ", keys), e.getMessage());
        }
    }

    /** An uploaded picture, kept before the job that uses it is recorded. */
    public void putSource(String id, byte[] png) {
        try {
            writes.run(() -> images.put(ImageKeys.source(id), png));
        } catch (RuntimeException e) {
            throw new ImageStoreException(e);
        }
    }

    /** The uploaded picture of a job. */
    public byte[] source(String id) {
        byte[] png = images.get(ImageKeys.source(id));
        if (png == null) {
            throw new ImageStoreException(new IllegalStateException("the uploaded picture of " + id + " is missing"));
        }
        return png;
    }

    /** Writes the job, retried while the store fails; a lost lease is final and not retried. */
    public void save(Generation job) {
        writes.run(
                () -> {
                    records.save(job);
                    return null;
                },
                e -> !(e instanceof LeaseLostException));
    }
}
