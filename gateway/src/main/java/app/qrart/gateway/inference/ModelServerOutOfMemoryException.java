package app.qrart.gateway.inference;

/** The handler's pass ran out of GPU memory (507). */
public class ModelServerOutOfMemoryException extends InferenceException {
    public ModelServerOutOfMemoryException(String detail) {
        super("the model server ran out of GPU memory; try a smaller size or fewer candidates", detail);
    }
}
