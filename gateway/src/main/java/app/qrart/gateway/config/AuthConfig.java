package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Who may call the API: nobody asked (none) or callers with an API key or a key-made session. */
@ConfigMapping(prefix = "qrart.auth")
public interface AuthConfig {

    /** none: anyone, limited per address; api-key: every API call needs a key (Bearer) or a session. */
    @WithDefault("none")
    Mode mode();

    /** Secret of the key administration API (/api/v1/admin/keys); unset: that API is off. */
    Optional<String> adminSecret();

    /** What a key gets when its creator does not say. */
    KeyDefaults keyDefaults();

    /** Browser sessions opened with a key (the web app's sign-in). */
    Session session();

    /** Days of usage a key's owner sees at /api/v1/usage, today included. */
    @WithDefault("30")
    int usageDays();

    enum Mode {
        NONE,
        API_KEY
    }

    interface KeyDefaults {
        /** Generations a key may start per minute (also the burst). */
        @WithDefault("20")
        int perMinute();

        /** Generations a key may start per UTC day. */
        @WithDefault("500")
        int dailyQuota();
    }

    interface Session {
        /**
         * Signing secret of session cookies, the same on every replica; unset: a random one per
         * process (sessions end when it restarts, and hold on one replica only).
         */
        Optional<String> secret();

        /** How long a session lasts after sign-in. */
        @WithDefault("PT12H")
        Duration ttl();

        /** Send the cookie over HTTPS only; off only for plain-HTTP local runs. */
        @WithDefault("true")
        boolean secureCookie();
    }
}
