package app.qrart.gateway.generation;

import app.qrart.gateway.config.ReplicaConfig;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.job.JobRecords;
import app.qrart.gateway.job.Lease;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The leases this replica holds: taken when a job starts here, renewed by a heartbeat whatever the
 * job is doing (it may wait minutes on the model server without a write), given up when it ends
 * or the replica drains. A job past its maximum age is failed instead of renewed or taken again.
 * During a record store outage no lease changes hands: renewals fail, jobs go on, and renew when
 * the store is back (a lease that lapsed meanwhile and was taken by nobody is still this one's).
 */
@ApplicationScoped
public class JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class);

    private final GenerationRepository records;
    private final JobRecords jobs;
    private final ReplicaConfig config;
    private final String owner;
    /** Jobs running here, as taken, with their current lease. */
    private final Map<String, Generation> held = new ConcurrentHashMap<>();

    public JobLeases(GenerationRepository records, JobRecords jobs, ReplicaConfig config) {
        this.records = records;
        this.jobs = jobs;
        this.config = config;
        this.owner = config.id().orElseGet(JobLeases::processName);
    }

    /** This replica's name in its leases. */
    public String owner() {
        return owner;
    }

    /**
     * Takes a waiting job for this replica: the job under its new lease, or empty when another
     * replica holds it, it has ended, or it is past its maximum age (then it is failed).
     */
    Optional<Generation> take(Generation job) {
        Optional<Generation> claimed = records.claim(job.id(), owner, config.leaseDuration());
        if (claimed.isEmpty()) {
            return claimed;
        }
        Generation taken = claimed.get();
        if (tooOld(taken, taken.lease().expiresAt().minus(config.leaseDuration()))) {
            LOG.warnf("job %s: accepted at %s, past the maximum age; failed", job.id(), job.createdAt());
            jobs.fail(taken, FailureReasons.unfinished(config.maxJobAge()));
            return Optional.empty();
        }
        held.put(job.id(), taken);
        LOG.debugf("job %s: lease %s#%d taken", job.id(), owner, taken.lease().epoch());
        return claimed;
    }

    /** How many jobs run here under a lease. */
    int held() {
        return held.size();
    }

    /** The job ended here (recorded or not): its lease is no longer renewed. */
    void ended(String id) {
        held.remove(id);
    }

    /** Renews every lease held; a lease found lost is dropped (the job's writes are refused from now on). */
    @Scheduled(every = "${qrart.replica.heartbeat-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (Generation job : held.values()) {
            renew(job);
        }
    }

    private void renew(Generation job) {
        Lease lease = job.lease();
        if (tooOld(job, Instant.now())) {
            LOG.warnf("job %s: running past the maximum age; failed", job.id());
            held.remove(job.id());
            jobs.fail(job, FailureReasons.unfinished(config.maxJobAge()));
            return;
        }
        try {
            Optional<Lease> renewed = records.renew(job.id(), lease, config.leaseDuration());
            if (renewed.isPresent()) {
                held.replace(job.id(), job, job.withLease(renewed.get()));
            } else {
                LOG.warnf("job %s: lease %s#%d lost; its result will be discarded", job.id(), owner, lease.epoch());
                held.remove(job.id());
            }
        } catch (RuntimeException e) {
            LOG.warnf("job %s: lease not renewed, going on: %s", job.id(), e.getMessage());
        }
    }

    /** Gives up every lease held, so that other replicas take those jobs at once (on shutdown). */
    void releaseAll() {
        for (Generation job : held.values()) {
            try {
                records.release(job.id(), job.lease());
                LOG.infof("job %s: lease released", job.id());
            } catch (RuntimeException e) {
                LOG.warnf("job %s: lease not released, it lapses instead: %s", job.id(), e.getMessage());
            }
        }
        held.clear();
    }

    private boolean tooOld(Generation job, Instant now) {
        return job.createdAt().plus(config.maxJobAge()).isBefore(now);
    }

    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "gateway";
        }
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        return host + "-" + HexFormat.of().formatHex(suffix);
    }
}
