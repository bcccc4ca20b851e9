package app.qrart.gateway.generation;

import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.JobKind;

/**
 * One kind of job: each checks its own requests when they are submitted ({@code prepare}, typed by
 * its request) and runs an accepted job of its kind to its recorded end.
 */
public interface JobType {

    JobKind kind();

    /** Runs an accepted job of this kind to its recorded end (done or failed), whatever happens. */
    void run(Generation queued);
}
