package app.qrart.gateway.inference;

/** Told each time a request waits for the model server to come back, so the wait can be shown. */
@FunctionalInterface
public interface OutageListener {

    OutageListener NONE = (attempt, outage) -> {};

    /** {@code attempt}: the try that just failed (1 for the first); the next comes after a pause. */
    void waiting(int attempt, ModelServerOutageException outage);
}
