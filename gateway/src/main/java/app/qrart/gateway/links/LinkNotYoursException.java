package app.qrart.gateway.links;

/** A key or edit token that is not this link's owner's. */
public class LinkNotYoursException extends RuntimeException {
    public LinkNotYoursException() {
        super("this key or edit token does not own this link");
    }
}
