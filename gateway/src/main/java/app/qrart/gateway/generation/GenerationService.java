package app.qrart.gateway.generation;

import app.qrart.gateway.admission.Admission;
import app.qrart.gateway.admission.Caller;
import app.qrart.gateway.admission.Ticket;
import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.JobRecords;
import app.qrart.gateway.links.ShortLinks;
import app.qrart.gateway.storage.RecordStoreException;
import app.qrart.gateway.validation.GenerationRequest;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Accepts jobs of every kind (checked by their {@link JobType}, then {@link Admission}) and runs
 * them off the event loop on a bounded pool; resumes jobs that were accepted and never finished.
 */
@ApplicationScoped
public class GenerationService {

    private static final Logger LOG = Logger.getLogger(GenerationService.class);

    private final GenerationRepository records;
    private final GeneratedJob generated;
    private final Map<JobKind, JobType> types = new EnumMap<>(JobKind.class);
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
            GenerationRepository records,
            GeneratedJob generated,
            PictureJob picture,
            RepairJob repair,
            JobRecords jobs,
            GenerationConfig config,
            Admission admission,
            ShortLinks links,
            ManagedExecutor background) {
        this.records = records;
        this.generated = generated;
        for (JobType type : List.of(generated, picture, repair)) {
            types.put(type.kind(), type);
        }
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

    /** Validates a generation, then admits it; the accepted job is recorded before it is queued. */
    public Submission submit(GenerationRequest request, Caller caller) {
        return submit(generated.prepare(request), caller);
    }

    /** A checked job: admitted, its picture kept, then recorded and queued. */
    public Submission submit(PreparedJob prepared, Caller caller) {
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
                types.get(generation.kind()).run(generation);
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
