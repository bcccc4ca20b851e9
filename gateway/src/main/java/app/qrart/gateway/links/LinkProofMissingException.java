package app.qrart.gateway.links;

/** A change or a read of a link without its owner's key or edit token. */
public class LinkProofMissingException extends RuntimeException {
    public LinkProofMissingException() {
        super("this link belongs to its owner: send the API key that made it, or its edit token as X-Edit-Token");
    }
}
