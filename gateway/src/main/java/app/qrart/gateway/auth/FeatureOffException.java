package app.qrart.gateway.auth;

/** A call to a part of the API this gateway does not offer in its configuration. */
public class FeatureOffException extends RuntimeException {
    public FeatureOffException(String message) {
        super(message);
    }
}
