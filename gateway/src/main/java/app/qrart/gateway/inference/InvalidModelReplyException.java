package app.qrart.gateway.inference;

/** TorchServe answered 200 with something that is not the expected NPY image. */
public class InvalidModelReplyException extends InferenceException {
    public InvalidModelReplyException(String detail) {
        super("the model server sent an invalid image", detail);
    }
}
