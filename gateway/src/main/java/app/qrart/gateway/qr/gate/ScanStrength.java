package app.qrart.gateway.qr.gate;

import app.qrart.gateway.config.ScanConfig;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How hard a delivered code is pushed towards reading as well as a plain black-on-white code:
 * each strength is a target robustness relative to a plain code and a cap on the pixels changed
 * to reach it ({@code qrart.scan.strength.*}). The gate itself is the same for all three.
 */
public enum ScanStrength {
    /** The picture first: small repairs; reads up close. */
    ARTISTIC,
    /** Reads about as well as a plain code under most camera conditions, with a modest footprint. */
    BALANCED,
    /** Reads like a plain code, whatever the picture pays for it. */
    ROBUST;

    /** The name used in the API (JSON included) and in config. */
    @JsonValue
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

    /** Relative robustness the repair of a drawn code (a generation, an embedded picture) goes on for. */
    public double target(ScanConfig scan) {
        return pick(scan.artisticTarget(), scan.balancedTarget(), scan.robustTarget());
    }

    /** Largest share of pixels a drawn code's repair changes in pursuit of the target. */
    public double maxPixelsChanged(ScanConfig scan) {
        return pick(scan.artisticMaxPixelsChanged(), scan.balancedMaxPixelsChanged(), scan.robustMaxPixelsChanged());
    }

    /** Relative robustness the repair of a code fixed in place goes on for (the drawn target unless set). */
    public double inPlaceTarget(ScanConfig scan) {
        return pick(scan.artisticInPlaceTarget(), scan.balancedInPlaceTarget(), scan.robustInPlaceTarget())
                .orElse(target(scan));
    }

    /** Largest share of pixels changed fixing a code in place (the drawn cap unless set). */
    public double inPlaceMaxPixelsChanged(ScanConfig scan) {
        return pick(
                        scan.artisticInPlaceMaxPixelsChanged(),
                        scan.balancedInPlaceMaxPixelsChanged(),
                        scan.robustInPlaceMaxPixelsChanged())
                .orElse(maxPixelsChanged(scan));
    }

    /** This strength's one of three settings. */
    private <T> T pick(T artistic, T balanced, T robust) {
        return switch (this) {
            case ARTISTIC -> artistic;
            case BALANCED -> balanced;
            case ROBUST -> robust;
        };
    }
}
