package app.qrart.gateway.admission;

/** The model server stayed busy through every retry recently; new work waits out the cool-down. */
public class ModelServerOverloadedException extends AdmissionRefusedException {
    public ModelServerOverloadedException(int retryAfterSeconds) {
        super("the model server is overloaded; nothing was accepted, retry later", retryAfterSeconds);
    }
}
