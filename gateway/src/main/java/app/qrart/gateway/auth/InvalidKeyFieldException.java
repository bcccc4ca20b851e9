package app.qrart.gateway.auth;

/** A field of a key creation request out of its range. */
public class InvalidKeyFieldException extends RuntimeException {

    private final String field;

    public InvalidKeyFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
