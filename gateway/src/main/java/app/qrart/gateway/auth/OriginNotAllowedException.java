package app.qrart.gateway.auth;

/** A key used from a browser origin it is not allowed for. */
public class OriginNotAllowedException extends AccessRefusedException {
    public OriginNotAllowedException(String origin) {
        super("this API key may not be used from the origin " + origin);
    }
}
