package app.qrart.gateway.admission;

/** The client has used its burst and its per-minute allowance. */
public class ClientOverRateException extends AdmissionRefusedException {
    public ClientOverRateException(int burst, double perMinute, int retryAfterSeconds) {
        super(
                "this client started too many generations; at most " + burst + " at once and " + perMinute
                        + " per minute",
                retryAfterSeconds);
    }
}
