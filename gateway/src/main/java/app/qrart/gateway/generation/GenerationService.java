package app.qrart.gateway.generation;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.gateway.admission.Admission;
import app.qrart.gateway.admission.Caller;
import app.qrart.gateway.admission.Ticket;
import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.links.ShortLinks;
import app.qrart.gateway.storage.RecordStoreException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Accepts generations (validation, then {@link Admission}) and runs them off the event loop on a
 * bounded pool; resumes jobs that were accepted and never finished.
 */
@ApplicationScoped
public class GenerationService {

    private static final Logger LOG = Logger.getLogger(GenerationService.class);

    private final RequestValidator validator;
    private final QrEncoder encoder;
    private final GenerationRepository records;
    private final GenerationRunner runner;
    private final PictureJobs pictures;
    private final JobRecords jobs;
    private final GenerationConfig config;
    private final Admission admission;
    private final ShortLinks links;
    private final ManagedExecutor workers;
    private final ManagedExecutor background;
    /** Generations running or queued in this process. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public GenerationService(
            RequestValidator validator,
            QrEncoder encoder,
            GenerationRepository records,
            GenerationRunner runner,
            PictureJobs pictures,
            JobRecords jobs,
            GenerationConfig config,
            Admission admission,
            ShortLinks links,
            ManagedExecutor background) {
        this.validator = validator;
        this.encoder = encoder;
        this.records = records;
        this.runner = runner;
        this.pictures = pictures;
        this.jobs = jobs;
        this.config = config;
        this.admission = admission;
        this.links = links;
        this.background = background;
        this.workers =
                ManagedExecutor.builder().maxAsync(config.maxConcurrent()).build();
    }

    /**
     * An accepted job and what is left of its caller's limits; {@code editToken}: the proof that
     * changes its short link (only here, only for a link no API key owns).
     */
    public record Submission(Generation generation, Ticket ticket, String editToken) {}

    /** Validates, then admits; the accepted job is recorded before it is queued. */
    public Submission submit(GenerationRequest request, Caller caller) {
        if (request == null) {
            throw new InvalidFieldException("body", "a JSON body is required");
        }
        String content = validator.content(request.content(), request.contentFields(), request.shortLink());
        Parameters parameters = validator.parameters(request);
        ShortLinks.Draft link = validator.shortLink(request.shortLink(), content, parameters.errorCorrection());
        String encoded = link == null ? content : link.url();
        encoder.requireCanvasFits(encoder.encodeShortest(encoded, parameters.level()), parameters.size());
        return accept(Generation.queued(newId(), content, parameters, clock.instant()), link, null, caller);
    }

    /** A checked picture or repair job: admitted, its picture kept, then recorded and queued. */
    public Submission submit(PictureJobs.Prepared prepared, Caller caller) {
        Generation queued =
                Generation.queued(newId(), prepared.kind(), prepared.content(), prepared.parameters(), clock.instant());
        return accept(queued, prepared.link(), prepared.sourcePng(), caller);
    }

    /**
     * Admits the job; its uploaded picture, its short link, then its record are written before it
     * is queued (a short link whose job is then not recorded is removed again).
     */
    private Submission accept(Generation queued, ShortLinks.Draft link, byte[] sourcePng, Caller caller) {
        Ticket ticket = admission.admit(caller);
        ShortLinks.Created created = null;
        Generation job = queued;
        try {
            if (sourcePng != null) {
                jobs.putSource(queued.id(), sourcePng);
            }
            if (link != null) {
                created = links.create(
                        link, caller.key() == null ? null : caller.key().id());
                job = queued.withShortUrl(created.url());
            }
            records.save(job);
        } catch (RuntimeException e) {
            admission.withdraw(ticket);
            forget(created);
            throw new RecordStoreException("nothing was accepted: " + e.getMessage(), e);
        }
        dispatch(job);
        return new Submission(job, ticket, created == null ? null : created.editToken());
    }

    private void forget(ShortLinks.Created created) {
        if (created == null) {
            return;
        }
        try {
            links.forget(created.link().code());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "short link %s of a job not accepted stays: %s",
                    created.link().code(), e.getMessage());
        }
    }

    /** Jobs a previous process accepted but did not finish run again at start-up (same seed, same result). */
    void resumeAfterRestart(@Observes StartupEvent event) {
        background.execute(() -> resume(Duration.ZERO, "after a restart"));
    }

    /** Jobs left unfinished by a store outage or a lost replica, unchanged for {@code strandedAfter}. */
    @Scheduled(
            every = "${qrart.generation.recovery-interval}",
            delayed = "${qrart.generation.recovery-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeStranded() {
        resume(config.strandedAfter(), "stranded");
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    private void resume(Duration unchangedFor, String why) {
        try {
            Instant before = clock.instant().minus(unchangedFor);
            for (Generation generation : records.unfinished()) {
                boolean stale = !generation.updatedAt().isAfter(before);
                if (stale && !active.contains(generation.id()) && admission.tryResume()) {
                    LOG.infof("resuming generation %s (%s)", generation.id(), why);
                    dispatch(generation);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for unfinished generations: %s", e.getMessage());
        }
    }

    private void dispatch(Generation generation) {
        if (!active.add(generation.id())) {
            admission.release();
            return;
        }
        workers.execute(() -> {
            try {
                if (generation.kind().fromUpload()) {
                    pictures.run(generation);
                } else {
                    runner.run(generation);
                }
            } finally {
                active.remove(generation.id());
                admission.release();
            }
        });
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
