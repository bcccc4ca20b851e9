package app.qrart.gateway.auth;

/** No key has this id. */
public class KeyNotFoundException extends RuntimeException {
    public KeyNotFoundException(String id) {
        super("no API key with id '" + id + "'");
    }
}
