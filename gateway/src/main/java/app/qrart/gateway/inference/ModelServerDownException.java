package app.qrart.gateway.inference;

/** No TorchServe endpoint accepts connections. */
public class ModelServerDownException extends ModelServerOutageException {
    public ModelServerDownException(String detail) {
        super("the model server is down", detail);
    }
}
