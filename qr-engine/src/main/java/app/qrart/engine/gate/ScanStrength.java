package app.qrart.engine.gate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How hard a delivered code is pushed towards reading as well as a plain black-on-white code:
 * each strength is a target robustness relative to a plain code and a cap on the pixels changed
 * to reach it ({@link ScanPolicy#goals}). The gate itself is the same for all three.
 */
public enum ScanStrength {
    /** The picture first: small repairs; reads up close. */
    ARTISTIC,
    /** Reads about as well as a plain code under most camera conditions, with a modest footprint. */
    BALANCED,
    /** Reads like a plain code, whatever the picture pays for it. */
    ROBUST;

    /** The name used in the API (JSON included) and in config. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every strength's API name, in order. */
    public static List<String> apiNames() {
        return Arrays.stream(values()).map(ScanStrength::apiName).toList();
    }

    /** The strength with this API name, if any. */
    public static Optional<ScanStrength> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
    }
}
