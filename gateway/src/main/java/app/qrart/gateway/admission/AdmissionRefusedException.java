package app.qrart.gateway.admission;

/** A submission not admitted; nothing was accepted. Each reason is its own subtype. */
public abstract class AdmissionRefusedException extends RuntimeException {

    private final int retryAfterSeconds;

    protected AdmissionRefusedException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When trying again may succeed. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
