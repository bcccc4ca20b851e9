package app.qrart.gateway.inference;

/**
 * The connection broke while the model server had the request (reset, closed): the server went
 * away mid-batch. Sent again, the same request gives the same image.
 */
public class ModelServerConnectionLostException extends ModelServerOutageException {
    public ModelServerConnectionLostException(String detail) {
        super("the model server went away while it ran this generation", detail);
    }
}
