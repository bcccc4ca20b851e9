package app.qrart.gateway.links;

/** The owner has made today's allowed changes to a link. */
public class LinkEditsExhaustedException extends RuntimeException {
    private final long retryAfterSeconds;

    public LinkEditsExhaustedException(int perDay, long retryAfterSeconds) {
        super("this link has had its " + perDay + " changes for today (UTC); try again tomorrow");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
