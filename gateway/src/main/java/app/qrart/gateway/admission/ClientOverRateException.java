package app.qrart.gateway.admission;

/** The client (its address, or its key) has used its burst and its per-minute allowance. */
public class ClientOverRateException extends AdmissionRefusedException {
    public ClientOverRateException(String who, int burst, double perMinute, Allowance rate) {
        super(
                who + " started too many generations; at most " + burst + " at once and " + perMinute + " per minute",
                (int) rate.resetSeconds(),
                rate);
    }
}
