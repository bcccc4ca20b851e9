package app.qrart.gateway.admission;

/**
 * API keys' per-minute rates, counted where every replica sees them (the record store), so the
 * whole deployment admits a key's rate once, as it does its daily quota.
 */
public interface KeyRates {

    /** Takes one generation from the identity's allowance and says what is left, or refuses. */
    Allowance acquire(String identity, TokenBucket.Rate rate, String who);
}
