package app.qrart.gateway.links;

/** No link has this code. */
public class LinkNotFoundException extends RuntimeException {
    public LinkNotFoundException() {
        super("no short link has this code");
    }
}
