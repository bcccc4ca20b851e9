package app.qrart.gateway.auth;

/** A call refused for who makes it; each reason is its own subtype. */
public abstract class AccessRefusedException extends RuntimeException {
    protected AccessRefusedException(String message) {
        super(message);
    }
}
