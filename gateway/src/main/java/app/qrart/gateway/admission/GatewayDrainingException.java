package app.qrart.gateway.admission;

/** This replica is shutting down and takes no new jobs; another replica does. */
public class GatewayDrainingException extends AdmissionRefusedException {
    public GatewayDrainingException(int retryAfterSeconds) {
        super("this gateway is shutting down; retry, another replica takes the job", retryAfterSeconds);
    }
}
