package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How replicas sharing one record store divide the jobs: leases, their heartbeat, the search for waiting jobs, the drain. */
@ConfigMapping(prefix = "qrart.replica")
public interface ReplicaConfig {

    /** This replica's name in the leases it holds; default: the host name and a random suffix (unique per process). */
    Optional<String> id();

    /**
     * How long a lease lasts unless renewed: a dead replica's jobs are taken over this long after
     * its last renewal. Shorter fails over faster; longer tolerates longer pauses (GC, a slow
     * store) before a live replica's job is taken and run twice.
     */
    @WithDefault("PT30S")
    Duration leaseDuration();

    /** How often held leases are renewed (well under the lease duration, so a renewal may fail twice before it lapses). */
    @WithDefault("PT10S")
    Duration heartbeatInterval();

    /** How often this replica looks for waiting jobs nobody holds (new, released, or of a lost replica). */
    @WithDefault("PT5S")
    Duration pollInterval();

    /** A job not finished this long after it was accepted is failed instead of renewed or taken again. */
    @WithDefault("PT30M")
    Duration maxJobAge();

    /**
     * On shutdown, how long running jobs may take to finish before their leases are released to
     * other replicas. With quarkus.shutdown.delay and quarkus.shutdown.timeout it must fit the
     * platform's termination grace.
     */
    @WithDefault("PT40S")
    Duration drainTimeout();
}
