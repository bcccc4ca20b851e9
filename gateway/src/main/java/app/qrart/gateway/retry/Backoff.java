package app.qrart.gateway.retry;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded retries with exponential back-off: {@code attempts} tries in all, the first pause
 * {@code firstPause}, doubled before each further try. The one retry loop of the gateway.
 */
public record Backoff(int attempts, Duration firstPause) {

    /** Runs the action until it succeeds, a failure is not retryable, or the attempts are spent. */
    public <T> T run(Supplier<T> action, Predicate<RuntimeException> retryable) {
        long pause = firstPause.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !retryable.test(e) || !sleep(pause)) {
                    throw e;
                }
                pause *= 2;
            }
        }
    }

    /** Runs an action without result the same way; every failure is retried. */
    public void run(Runnable action) {
        run(
                () -> {
                    action.run();
                    return null;
                },
                e -> true);
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
