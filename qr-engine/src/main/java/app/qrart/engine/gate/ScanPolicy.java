package app.qrart.engine.gate;

import java.util.EnumMap;
import java.util.Map;

/**
 * The operator's choices for the scan gate: whether codes that do not read are repaired, how much
 * of a picture any repair may change, and what each {@link ScanStrength} aims for.
 *
 * @param repair repair candidates that do not scan instead of failing them
 * @param maxPixelsChanged largest share of pixels a repair may change by more than 10 grey levels
 *     to make a code read at all; beyond it the code fails. Past a strength's own cap the repair
 *     goes on only while nothing reads
 * @param strengths each strength's goals
 */
public record ScanPolicy(boolean repair, double maxPixelsChanged, Map<ScanStrength, StrengthGoals> strengths) {

    /**
     * The engine's defaults, also the gateway's unless its configuration says otherwise. A code
     * fixed in place at balanced aims lower than a drawn one: the picture is someone's own, and its
     * cap counts every pixel from the picture itself.
     */
    public static final ScanPolicy DEFAULTS = new ScanPolicy(
            true,
            0.75,
            Map.of(
                    ScanStrength.ARTISTIC, new StrengthGoals(0.75, 0.05),
                    ScanStrength.BALANCED, new StrengthGoals(0.97, 0.3, 0.92, 0.14),
                    ScanStrength.ROBUST, new StrengthGoals(0.98, 0.5)));

    public ScanPolicy {
        strengths = Map.copyOf(strengths);
        for (ScanStrength strength : ScanStrength.values()) {
            if (!strengths.containsKey(strength)) {
                throw new IllegalArgumentException("no goals for strength " + strength.apiName());
            }
        }
    }

    /** The goals of this strength. */
    public StrengthGoals goals(ScanStrength strength) {
        return strengths.get(strength);
    }

    public ScanPolicy withRepair(boolean on) {
        return new ScanPolicy(on, maxPixelsChanged, strengths);
    }

    public ScanPolicy withMaxPixelsChanged(double share) {
        return new ScanPolicy(repair, share, strengths);
    }

    /** The same policy with one strength's goals replaced. */
    public ScanPolicy withGoals(ScanStrength strength, StrengthGoals goals) {
        Map<ScanStrength, StrengthGoals> all = new EnumMap<>(strengths);
        all.put(strength, goals);
        return new ScanPolicy(repair, maxPixelsChanged, all);
    }
}
