package app.qrart.gateway.inference;

import java.time.Duration;

/** The model server stayed out for the whole outage grace. */
public class ModelServerUnavailableException extends InferenceException {
    public ModelServerUnavailableException(Duration grace, int attempts, ModelServerOutageException last) {
        super(
                "the model server stayed unavailable for " + grace.toSeconds() + " s (" + attempts + " attempts: "
                        + last.getMessage() + "); try again later",
                last.detail());
    }
}
