package app.qrart.gateway.admission;

/** Every slot of the in-flight bound (running + queued generations) is taken. */
public class GatewayFullException extends AdmissionRefusedException {
    public GatewayFullException(int retryAfterSeconds) {
        super("too many generations in flight; retry later", retryAfterSeconds);
    }
}
