package app.qrart.gateway.auth;

/** A key (or session) that no stored key matches. */
public class UnknownKeyException extends AccessRefusedException {
    public UnknownKeyException() {
        super("unknown API key");
    }
}
