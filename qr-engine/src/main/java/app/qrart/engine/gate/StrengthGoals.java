package app.qrart.engine.gate;

/**
 * What one strength pushes a code towards: a robustness relative to a plain code and a cap on the
 * share of pixels changed to reach it, for a code the engine draws (a generation, an embedded
 * picture) and for a code fixed in place in someone's picture.
 *
 * @param target relative robustness (1.0 = as robust as a plain code) a drawn code's repair goes on for
 * @param maxPixelsChanged largest share of pixels a drawn code's repair changes in pursuit of its target
 * @param inPlaceTarget the target of a code fixed in place
 * @param inPlaceMaxPixelsChanged the footprint cap of a code fixed in place, counted from the picture itself
 */
public record StrengthGoals(
        double target, double maxPixelsChanged, double inPlaceTarget, double inPlaceMaxPixelsChanged) {

    /** The same goals for drawn codes and codes fixed in place. */
    public StrengthGoals(double target, double maxPixelsChanged) {
        this(target, maxPixelsChanged, target, maxPixelsChanged);
    }

    public StrengthGoals withMaxPixelsChanged(double value) {
        return new StrengthGoals(target, value, inPlaceTarget, inPlaceMaxPixelsChanged);
    }

    public StrengthGoals withInPlaceTarget(double value) {
        return new StrengthGoals(target, maxPixelsChanged, value, inPlaceMaxPixelsChanged);
    }

    public StrengthGoals withInPlaceMaxPixelsChanged(double value) {
        return new StrengthGoals(target, maxPixelsChanged, inPlaceTarget, value);
    }
}
