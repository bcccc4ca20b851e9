package app.qrart.gateway.admission;

import app.qrart.gateway.config.AdmissionConfig;
import app.qrart.gateway.inference.ModelServerOverloaded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;

/** After TorchServe stays busy through every retry, new submissions are refused for a while. */
@ApplicationScoped
public class OverloadCooldown {

    private final AdmissionConfig config;
    /** System.nanoTime() until which TorchServe counts as overloaded; null when it is not. */
    private volatile Long until;

    public OverloadCooldown(AdmissionConfig config) {
        this.config = config;
    }

    void onOverload(@Observes ModelServerOverloaded event) {
        until = System.nanoTime() + config.overloadCooldown().toNanos();
    }

    /** Seconds left of the cool-down; 0 if none. */
    public long secondsLeft() {
        Long end = until;
        long left = end == null ? 0 : end - System.nanoTime();
        return left <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left));
    }
}
