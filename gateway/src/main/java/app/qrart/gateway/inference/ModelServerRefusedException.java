package app.qrart.gateway.inference;

/**
 * The handler refused one item (400 or 413 with its {code, error, field} body): a request the
 * gateway built broke the contract, so the handler's own sentence is passed on.
 */
public class ModelServerRefusedException extends InferenceException {
    public ModelServerRefusedException(String handlerError, String detail) {
        super("the model server refused the request: " + handlerError, detail);
    }
}
