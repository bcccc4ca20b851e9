package app.qrart.engine.verify;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The order in which a bounded measurement ({@link QrVerifier#robustness(java.awt.image.BufferedImage,
 * String, int, int)}) tries the camera suite's readings: the likeliest failures per millisecond
 * first, so that a candidate that cannot reach its floor is found out at the least cost. A reader's
 * failure costs most where it retries hardest (WeChat's scales, the other readers' views), and a
 * floor is out of reach once enough readings fail, so cheap likely failures come before dear ones.
 * Ranked by the share failing over the mean milliseconds per reading (frame making shared by the
 * three readers) on the 13 509 readings of the 237 candidates that balanced in-place repair
 * measured over 62 benchmark codes; each condition declares its readings' places. The order
 * changes only what a measurement costs, never its score.
 */
public final class SuiteOrder {

    /** One reading of the suite: a camera condition seen by one reader. */
    public record Reading(CameraCondition condition, QrDecoder reader) {}

    public static final List<Reading> LIKELIEST_FAILURES_FIRST = ordered();

    private SuiteOrder() {}

    /** Every condition's readings, by the place each {@link CameraCondition} declares (1, 2, ... with none left out). */
    private static List<Reading> ordered() {
        SortedMap<Integer, Reading> byPlace = new TreeMap<>();
        for (CameraCondition condition : CameraCondition.values()) {
            condition.places().forEach((reader, place) -> {
                if (byPlace.put(place, new Reading(condition, reader)) != null) {
                    throw new IllegalStateException("two camera readings share place " + place);
                }
            });
        }
        if (byPlace.firstKey() != 1 || byPlace.lastKey() != byPlace.size()) {
            throw new IllegalStateException("camera readings' places must run 1.." + byPlace.size());
        }
        return List.copyOf(byPlace.values());
    }
}
