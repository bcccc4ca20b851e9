package app.qrart.gateway.inference;

/** TorchServe did not produce an image; the message says why in plain words. */
public class InferenceException extends RuntimeException {

    private final boolean retryable;

    public InferenceException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
