package app.qrart.gateway.inference;

/**
 * TorchServe did not produce an image. Each failure is its own subtype whose message is a plain
 * sentence for users; {@link #detail()} keeps what the model server said, for logs.
 */
public abstract class InferenceException extends RuntimeException {

    private final String detail;

    protected InferenceException(String sentence, String detail) {
        super(sentence);
        this.detail = detail;
    }

    /** What the model server or the connection said, for logs; never shown to users. */
    public String detail() {
        return detail;
    }
}
