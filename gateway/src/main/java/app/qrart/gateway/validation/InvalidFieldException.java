package app.qrart.gateway.validation;

/** A request field the service cannot accept; the message says why in the user's terms. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
