package app.qrart.gateway.admission;

/**
 * A token bucket's state: {@code tokens} left at {@code at} (nanoseconds on the clock of whoever
 * keeps it); its rate refills it up to the burst. Kept in memory per replica
 * ({@link ClientRateLimiter}) or in the record store for the whole deployment ({@link KeyRates}).
 */
public record TokenBucket(double tokens, long at) {

    private static final double NANOS_PER_MINUTE = 60e9;

    /** How many generations an identity may start: at once, and per minute after that. */
    public record Rate(int burst, double perMinute) {
        double perNano() {
            return perMinute / NANOS_PER_MINUTE;
        }
    }

    /** A taken token: the bucket after it and what is left of the allowance. */
    public record Taken(TokenBucket bucket, Allowance allowance) {}

    public static TokenBucket full(Rate rate, long now) {
        return new TokenBucket(rate.burst(), now);
    }

    /** The bucket at {@code now}, refilled for the time since {@code at} (a clock that went back adds nothing). */
    public TokenBucket refilled(Rate rate, long now) {
        double added = Math.max(0, now - at) * rate.perNano();
        return new TokenBucket(Math.min(rate.burst(), tokens + added), Math.max(now, at));
    }

    /** Whether it holds a whole token. */
    public boolean full(Rate rate) {
        return tokens >= rate.burst();
    }

    /** Takes one token at {@code now}, or refuses {@code who} saying when the next one comes. */
    public Taken take(Rate rate, long now, String who) {
        TokenBucket current = refilled(rate, now);
        if (current.tokens < 1) {
            Allowance spent =
                    new Allowance(rate.burst(), 0, current.secondsUntil(rate, rate.burst()), Allowance.MINUTE);
            throw new ClientOverRateException(
                    who, rate.burst(), rate.perMinute(), spent.exhausted(current.secondsUntil(rate, 1)));
        }
        TokenBucket after = new TokenBucket(current.tokens - 1, current.at);
        return new Taken(
                after,
                new Allowance(
                        rate.burst(), (int) after.tokens, after.secondsUntil(rate, rate.burst()), Allowance.MINUTE));
    }

    /** Seconds until the bucket holds {@code level} tokens (at least one). */
    public long secondsUntil(Rate rate, double level) {
        return Math.max(1, (long) Math.ceil((level - tokens) / rate.perNano() / 1e9));
    }
}
