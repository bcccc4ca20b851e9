package app.qrart.gateway.inference;

/** The handler's 507: even a pass of this one image ran out of GPU memory (larger passes are split first). */
public class ModelServerOutOfMemoryException extends InferenceException {
    public ModelServerOutOfMemoryException(String detail) {
        super("the model server's GPU memory is too small for one image of this size; try a smaller size", detail);
    }
}
