package app.qrart.gateway.admission;

import java.time.LocalDate;
import java.util.List;

/**
 * An admitted submission: the slot it holds, and what is left of the caller's limits (a keyed
 * caller's quota charged on {@code quotaDay}). A submission that is then not accepted is
 * withdrawn with {@link Admission#withdraw}.
 */
public record Ticket(Caller caller, Allowance rate, Allowance quota, LocalDate quotaDay) {

    /** The caller's limits, tightest first. */
    public List<Allowance> allowances() {
        if (quota == null) {
            return List.of(rate);
        }
        return quota.remaining() < rate.remaining() ? List.of(quota, rate) : List.of(rate, quota);
    }
}
