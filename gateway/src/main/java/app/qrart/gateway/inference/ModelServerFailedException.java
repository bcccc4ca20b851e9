package app.qrart.gateway.inference;

/** Any other failure status of the model server (a pass that failed, 500). */
public class ModelServerFailedException extends InferenceException {
    public ModelServerFailedException(int status, String detail) {
        super("the model server failed (status " + status + ")", detail);
    }
}
