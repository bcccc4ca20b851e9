package app.qrart.gateway.links;

/** A request field about a short link that is refused, named. */
public class InvalidLinkFieldException extends RuntimeException {
    private final String field;

    public InvalidLinkFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
