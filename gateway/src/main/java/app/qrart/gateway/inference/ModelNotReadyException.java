package app.qrart.gateway.inference;

/** TorchServe answers but has no worker ready for the model, or has not loaded the model yet. */
public class ModelNotReadyException extends ModelServerOutageException {
    public ModelNotReadyException(String detail) {
        super("the model server has no model worker ready", detail);
    }
}
