package app.qrart.gateway.job;

import java.time.Instant;

/**
 * The right to run one job: the replica holding it, an epoch that grows with every change of
 * hands, and when it lapses unless renewed (in the record store's time). Writes of a job check
 * owner and epoch, so a replica that lost a lease writes nothing more for it.
 */
public record Lease(String owner, long epoch, Instant expiresAt) {

    /** Whether this is the same hold as the other (owner and epoch; the expiry moves with renewals). */
    public boolean sameHoldAs(Lease other) {
        return other != null && owner.equals(other.owner()) && epoch == other.epoch();
    }
}
