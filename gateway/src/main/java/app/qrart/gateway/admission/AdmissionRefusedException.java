package app.qrart.gateway.admission;

import java.util.Optional;

/** A submission not admitted; nothing was accepted. Each reason is its own subtype. */
public abstract class AdmissionRefusedException extends RuntimeException {

    private final int retryAfterSeconds;
    private final Allowance allowance;

    protected AdmissionRefusedException(String message, int retryAfterSeconds) {
        this(message, retryAfterSeconds, null);
    }

    protected AdmissionRefusedException(String message, int retryAfterSeconds, Allowance allowance) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        this.allowance = allowance;
    }

    /** When trying again may succeed. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The caller's limit that was reached, for the refusals that are about one. */
    public Optional<Allowance> allowance() {
        return Optional.ofNullable(allowance);
    }
}
