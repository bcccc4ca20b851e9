package app.qrart.gateway.inference;

/** TorchServe's queue was full (503) through every retry. */
public class ModelServerBusyException extends InferenceException {
    public ModelServerBusyException(String detail) {
        super("the model server is busy (queue full); try again in a moment", detail);
    }
}
