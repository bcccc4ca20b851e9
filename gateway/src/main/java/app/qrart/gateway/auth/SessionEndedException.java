package app.qrart.gateway.auth;

/** A session cookie that is expired, or was not signed by this service. */
public class SessionEndedException extends AccessRefusedException {
    public SessionEndedException() {
        super("the session has ended; sign in again with your API key");
    }
}
