package app.qrart.engine.verify;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The model of the readers a repair's inner loop is judged by, for one job: the camera suite's
 * likeliest failures per millisecond (the first {@link #READ_FIRST} readings of
 * {@link SuiteOrder#LIKELIEST_FAILURES_FIRST}: ZXing's and BoofCV's cheap readings at a distance,
 * tilted, under glare, shadow, blur and ink spread) are read by the real readers; every other
 * reading (all of WeChat's dear ones, and conditions a code that reads them rarely fails) is
 * taken to go as it goes for the plain code of the symbol's class. A confirmation by the real
 * readers over the whole suite that sees an assumed reading fail adds it to the readings the
 * model reads ({@link #saw}), so the climb goes on from what the confirmation saw.
 */
public final class ReaderModel {

    /**
     * How many of the suite's readings, likeliest failures first, the model reads: every reading
     * ranked before WeChat's first (WeChat's failures cost up to 90 ms a frame).
     */
    public static final int READ_FIRST = 21;

    private final Set<SuiteOrder.Reading> read =
            new HashSet<>(SuiteOrder.LIKELIEST_FAILURES_FIRST.subList(0, READ_FIRST));

    /** Whether the model reads this reading with the real reader (else it assumes the plain code's outcome). */
    public boolean reads(SuiteOrder.Reading reading) {
        return read.contains(reading);
    }

    /** Readings a confirmation saw fail: the model reads them from now on. */
    public void saw(Collection<SuiteOrder.Reading> failed) {
        read.addAll(failed);
    }

    /** How many readings the model reads now. */
    public int readings() {
        return read.size();
    }
}
