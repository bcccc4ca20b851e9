package app.qrart.engine.gate;

import app.qrart.engine.costs.PathCosts;
import java.time.Duration;

/**
 * What the gate tells its owner as it works (a metrics registry, a benchmark's tally). Every
 * method does nothing unless overridden; it is called on the thread that runs the scan path.
 */
public interface ScanListener {

    /** Nobody listens. */
    ScanListener NONE = new ScanListener() {};

    /** A round of candidates was checked: whether any read as generated. */
    default void checked(boolean anyRead) {}

    /** No candidate read, and every one was repaired: whether any repair reads. */
    default void repaired(boolean anyReads) {}

    /** A delivery was made: whether it met its strength's target. */
    default void delivered(boolean targetMet) {}

    /**
     * One call of the scan path ended: its kind ({@code drawn} or {@code located}), its wall time
     * and the CPU time of its thread (null where the JVM does not measure it).
     */
    default void timed(String code, Duration wall, Duration cpu) {}

    /**
     * Where the CPU of that call went ({@link PathCosts.Part}) and how often the real readers'
     * confirmations agreed with the model of the readers.
     */
    default void costs(String code, PathCosts.Tally parts) {}
}
