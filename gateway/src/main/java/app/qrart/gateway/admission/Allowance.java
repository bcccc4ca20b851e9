package app.qrart.gateway.admission;

/** A limit over a window of {@code windowSeconds}: what is left, and in how many seconds it is whole again. */
public record Allowance(int limit, int remaining, long resetSeconds, long windowSeconds) {

    public static final long MINUTE = 60;
    public static final long DAY = 86_400;

    /** The same limit, used up. */
    public Allowance exhausted(long resetSeconds) {
        return new Allowance(limit, 0, resetSeconds, windowSeconds);
    }
}
