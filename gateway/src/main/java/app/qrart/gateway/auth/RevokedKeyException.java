package app.qrart.gateway.auth;

/** A key that was revoked. */
public class RevokedKeyException extends AccessRefusedException {
    public RevokedKeyException() {
        super("this API key has been revoked");
    }
}
