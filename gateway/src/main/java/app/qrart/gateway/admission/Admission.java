package app.qrart.gateway.admission;

import app.qrart.gateway.config.AdmissionConfig;
import app.qrart.gateway.config.GenerationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.concurrent.Semaphore;

/**
 * Who may submit and when, in order: the model server not in its overload cool-down, the caller
 * within its rate (per key across replicas, else per address in this replica), a keyed caller within its daily quota, a free slot
 * of the in-flight bound (running + queued generations). A slot taken by {@link #admit} or
 * {@link #tryResume} is given back by {@link #release} when its job ends.
 */
@ApplicationScoped
public class Admission {

    private static final int RETRY_AFTER_SECONDS = 5;

    private final OverloadCooldown cooldown;
    private final ClientRateLimiter rateLimiter;
    private final KeyRates keyRates;
    private final DailyQuota quota;
    private final TokenBucket.Rate perAddress;
    private final Semaphore slots;
    private final int capacity;

    public Admission(
            OverloadCooldown cooldown,
            ClientRateLimiter rateLimiter,
            KeyRates keyRates,
            DailyQuota quota,
            AdmissionConfig admission,
            GenerationConfig config) {
        this.cooldown = cooldown;
        this.rateLimiter = rateLimiter;
        this.keyRates = keyRates;
        this.quota = quota;
        this.perAddress = new TokenBucket.Rate(admission.perClientBurst(), admission.perClientPerMinute());
        this.capacity = config.maxConcurrent() + config.maxQueued();
        this.slots = new Semaphore(capacity);
    }

    /** Takes a slot for a new submission of this caller, or throws why not. */
    public Ticket admit(Caller caller) {
        long overloaded = cooldown.secondsLeft();
        if (overloaded > 0) {
            throw new ModelServerOverloadedException((int) overloaded);
        }
        Allowance rate = caller.key() == null
                ? rateLimiter.acquire(caller.rateIdentity(), perAddress, "this client")
                : keyRates.acquire(
                        caller.rateIdentity(),
                        new TokenBucket.Rate(
                                caller.key().perMinute(), caller.key().perMinute()),
                        "this API key");
        LocalDate day = caller.key() == null ? null : quota.today();
        Allowance daily = day == null ? null : quota.charge(caller.key(), day);
        if (!slots.tryAcquire()) {
            refund(caller, day);
            throw new GatewayFullException(RETRY_AFTER_SECONDS);
        }
        return new Ticket(caller, rate, daily, day);
    }

    /** Gives back what {@link #admit} took for a submission that was then not accepted. */
    public void withdraw(Ticket ticket) {
        release();
        refund(ticket.caller(), ticket.quotaDay());
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

    private void refund(Caller caller, LocalDate day) {
        if (day != null) {
            quota.refund(caller.key(), day);
        }
    }
}
