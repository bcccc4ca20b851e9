package app.qrart.gateway.auth;

/** The API needs a key and the call brought none. */
public class MissingKeyException extends AccessRefusedException {
    public MissingKeyException() {
        super("an API key is required: send the header 'Authorization: Bearer <key>'");
    }
}
