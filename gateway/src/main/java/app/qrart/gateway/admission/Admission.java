package app.qrart.gateway.admission;

import app.qrart.gateway.config.GenerationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;

/**
 * Who may submit and when, in order: the model server not in its overload cool-down, the client
 * within its rate, a free slot of the in-flight bound (running + queued generations). A slot taken
 * by {@link #admit} or {@link #tryResume} is given back by {@link #release} when its job ends.
 */
@ApplicationScoped
public class Admission {

    private static final int RETRY_AFTER_SECONDS = 5;

    private final OverloadCooldown cooldown;
    private final ClientRateLimiter rateLimiter;
    private final Semaphore slots;
    private final int capacity;

    public Admission(OverloadCooldown cooldown, ClientRateLimiter rateLimiter, GenerationConfig config) {
        this.cooldown = cooldown;
        this.rateLimiter = rateLimiter;
        this.capacity = config.maxConcurrent() + config.maxQueued();
        this.slots = new Semaphore(capacity);
    }

    /** Takes a slot for a new submission of this client, or throws why not. */
    public void admit(String client) {
        long overloaded = cooldown.secondsLeft();
        if (overloaded > 0) {
            throw new ModelServerOverloadedException((int) overloaded);
        }
        rateLimiter.acquire(client);
        if (!slots.tryAcquire()) {
            throw new GatewayFullException(RETRY_AFTER_SECONDS);
        }
    }

    /** Takes a slot for resuming an accepted job, when one is free (no client limits apply). */
    public boolean tryResume() {
        return slots.tryAcquire();
    }

    public void release() {
        slots.release();
    }

    /** Generations accepted and not yet finished (queued or running) in this gateway. */
    public int inFlight() {
        return capacity - slots.availablePermits();
    }
}
