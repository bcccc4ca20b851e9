package app.qrart.gateway.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a reading until it is what a test waits for, failing at a stated deadline with the last one. */
public final class Eventually {

    private static final long POLL_MS = 200;

    private Eventually() {}

    public static <T> T within(long deadlineMs, Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.currentTimeMillis() + deadlineMs;
        T value = read.get();
        while (!done.test(value)) {
            assertTrue(
                    System.currentTimeMillis() < deadline, what + " within " + deadlineMs + " ms; last seen: " + value);
            pause(POLL_MS);
            value = read.get();
        }
        return value;
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
