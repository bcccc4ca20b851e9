package app.qrart.gateway.auth;

import app.qrart.gateway.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The key administration API's own secret, compared in constant time. */
@ApplicationScoped
public class AdminAccess {

    private final AuthConfig config;

    public AdminAccess(AuthConfig config) {
        this.config = config;
    }

    /** Passes when {@code presented} is the admin secret; the API is off when none is set. */
    public void check(String presented) {
        String secret = config.adminSecret()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new FeatureOffException("the key administration API is off (no admin secret set)"));
        if (presented == null
                || !MessageDigest.isEqual(
                        KeySecrets.hash(presented).getBytes(StandardCharsets.US_ASCII),
                        KeySecrets.hash(secret).getBytes(StandardCharsets.US_ASCII))) {
            throw new AdminRefusedException();
        }
    }
}
