package app.qrart.gateway.generation;

import app.qrart.gateway.admission.Admission;
import app.qrart.gateway.admission.Caller;
import app.qrart.gateway.admission.GatewayDrainingException;
import app.qrart.gateway.admission.Ticket;
import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.config.ReplicaConfig;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.JobRecords;
import app.qrart.gateway.links.ShortLinks;
import app.qrart.gateway.storage.RecordStoreException;
import app.qrart.gateway.validation.GenerationRequest;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Accepts jobs of every kind (checked by their {@link JobType}, then {@link Admission}) and runs
 * them off the event loop on a bounded pool, each under its lease ({@link JobLeases}): a job
 * accepted here is queued here, but any replica with a free worker may take it first. Waiting
 * jobs nobody holds (a lost replica's, a drained one's, a store outage's) are looked for on a
 * schedule. On shutdown it drains: no new jobs, queued ones left to other replicas, running ones
 * given time to finish, then their leases released.
 */
@ApplicationScoped
public class GenerationService {

    private static final Logger LOG = Logger.getLogger(GenerationService.class);
    private static final int DRAINING_RETRY_AFTER_SECONDS = 1;

    private final GenerationRepository records;
    private final GeneratedJob generated;
    private final Map<JobKind, JobType> types = new EnumMap<>(JobKind.class);
    private final JobRecords jobs;
    private final GenerationConfig config;
    private final Admission admission;
    private final ShortLinks links;
    private final JobLeases leases;
    private final ReplicaConfig replica;
    private final ManagedExecutor workers;
    private final ManagedExecutor background;
    /** Generations running or queued in this process. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    private volatile boolean draining;

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
            JobLeases leases,
            ReplicaConfig replica,
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
        this.leases = leases;
        this.replica = replica;
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
        if (draining) {
            throw new GatewayDrainingException(DRAINING_RETRY_AFTER_SECONDS);
        }
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

    /**
     * Waiting jobs (of a previous process, or any nobody holds) are looked for at once on start-up,
     * after jobs recorded before leases existed are made waiting.
     */
    void takeWaitingAtStart(@Observes StartupEvent event) {
        background.execute(() -> {
            try {
                int adopted = records.adoptUnleased();
                if (adopted > 0) {
                    LOG.infof("%d unfinished jobs recorded without a lease are waiting now", adopted);
                }
            } catch (RuntimeException e) {
                LOG.warnf("could not look for jobs recorded without a lease: %s", e.getMessage());
            }
            takeWaiting();
        });
    }

    /**
     * Takes waiting jobs nobody holds, oldest accepted first, as many as this replica has idle
     * workers for (a job queued here would only wait).
     */
    @Scheduled(
            every = "${qrart.replica.poll-interval}",
            delayed = "${qrart.replica.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeWaiting() {
        int idle = config.maxConcurrent() - active.size();
        if (draining || idle <= 0) {
            return;
        }
        try {
            for (Generation generation : records.waiting(idle)) {
                if (!active.contains(generation.id()) && admission.tryResume()) {
                    LOG.infof("taking waiting job %s (accepted %s)", generation.id(), generation.createdAt());
                    dispatch(generation);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for waiting jobs: %s", e.getMessage());
        }
    }

    /** A shutdown delay has begun: readiness turns down and no new jobs are accepted. */
    void drainSoon(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
    }

    /**
     * Drains: takes no new jobs; queued ones are not started (other replicas find them waiting);
     * running ones may finish within the drain timeout; the leases of any still running are then
     * released so that another replica takes them at once.
     */
    void stop(@Observes ShutdownEvent event) {
        draining = true;
        workers.shutdown();
        int running = leases.held();
        LOG.infof("draining: %d jobs running, %d queued", running, active.size() - running);
        try {
            if (!workers.awaitTermination(replica.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("draining: %d jobs still running after %s", leases.held(), replica.drainTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.releaseAll();
        workers.shutdownNow();
    }

    /** Whether this replica is shutting down (readiness is down, new jobs are refused). */
    public boolean draining() {
        return draining;
    }

    private void dispatch(Generation generation) {
        if (!active.add(generation.id())) {
            admission.release();
            return;
        }
        workers.execute(() -> {
            try {
                runIfTaken(generation);
            } finally {
                active.remove(generation.id());
                admission.release();
            }
        });
    }

    /** Runs the job when this replica takes its lease; a draining replica leaves it to the others. */
    private void runIfTaken(Generation generation) {
        if (draining) {
            return;
        }
        Optional<Generation> taken;
        try {
            taken = leases.take(generation);
        } catch (RuntimeException e) {
            LOG.warnf("job %s not taken, it stays waiting: %s", generation.id(), e.getMessage());
            return;
        }
        if (taken.isEmpty()) {
            LOG.debugf("job %s: held by another replica or ended", generation.id());
            return;
        }
        try {
            types.get(generation.kind()).run(taken.get());
        } finally {
            leases.ended(generation.id());
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
