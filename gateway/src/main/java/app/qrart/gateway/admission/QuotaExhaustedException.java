package app.qrart.gateway.admission;

/** The key has started its daily quota of generations. */
public class QuotaExhaustedException extends AdmissionRefusedException {
    public QuotaExhaustedException(Allowance quota) {
        super(
                "this API key has used its daily quota of " + quota.limit() + " generations; it renews at 00:00 UTC",
                (int) quota.resetSeconds(),
                quota);
    }
}
