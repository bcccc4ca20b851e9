package app.qrart.gateway.auth;

import app.qrart.gateway.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Session tokens for browsers signed in with a key: {@code <key id>.<expiry>.<HMAC-SHA256>}. The
 * token holds no secret of the key; the key is looked up (and its revocation seen) on every call.
 */
@ApplicationScoped
public class SessionTokens {

    private static final Logger LOG = Logger.getLogger(SessionTokens.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final AuthConfig config;

    public SessionTokens(AuthConfig config) {
        this.config = config;
        this.secret = config.session()
                .secret()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                });
    }

    public String issue(ApiKey key, Instant now) {
        String body = key.id() + "." + now.plus(config.session().ttl()).getEpochSecond();
        return body + "." + sign(body);
    }

    /** The key id of a well-signed token not yet expired. */
    public Optional<String> verify(String token, Instant now) {
        int lastDot = token.lastIndexOf('.');
        int firstDot = token.indexOf('.');
        if (firstDot <= 0 || lastDot == firstDot) {
            return Optional.empty();
        }
        String body = token.substring(0, lastDot);
        byte[] given = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(body).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            long expiry = Long.parseLong(body.substring(firstDot + 1));
            return now.getEpochSecond() < expiry ? Optional.of(body.substring(0, firstDot)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            byte[] tag = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
