package app.qrart.gateway.inference;

/** No connection, or no answer within the read timeout. */
public class ModelServerUnreachableException extends InferenceException {
    public ModelServerUnreachableException(String detail) {
        super("the model server did not answer in time or is unreachable", detail);
    }
}
