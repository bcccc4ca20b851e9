package app.qrart.gateway.inference;

/**
 * The model server is out for a while but not for good: down or restarting (connection refused),
 * its worker died, no worker is ready, or the model is not loaded yet. Worth waiting out.
 */
public abstract class ModelServerOutageException extends InferenceException {
    protected ModelServerOutageException(String sentence, String detail) {
        super(sentence, detail);
    }
}
