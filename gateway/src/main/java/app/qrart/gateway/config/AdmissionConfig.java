package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Who may start how many generations, and what happens while the model server is overloaded. */
@ConfigMapping(prefix = "qrart.admission")
public interface AdmissionConfig {

    /** Generations one client may start per minute, sustained (token bucket refill rate). */
    @WithDefault("20")
    double perClientPerMinute();

    /** Generations one client may start at once before the per-minute rate applies. */
    @WithDefault("10")
    int perClientBurst();

    /**
     * Header naming the client behind a trusted proxy or load balancer (e.g. X-Forwarded-For: its
     * first address is used). Unset: the connection's address. Never set it without such a proxy,
     * or clients can pick their own identity.
     */
    Optional<String> clientIpHeader();

    /** Clients remembered at most; idle ones are forgotten first. */
    @WithDefault("100000")
    int maxTrackedClients();

    /** After TorchServe stays overloaded (503 through every retry), new generations get 503 for this long. */
    @WithDefault("PT10S")
    Duration overloadCooldown();
}
