package app.qrart.engine.repair;

import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.costs.PathCosts.Part;
import java.awt.image.BufferedImage;

/**
 * What a repair aims for beyond reading: a robustness (relative to a plain code, measured by
 * {@code robustness}, the real readers over the camera suite, on a candidate image laid out as the
 * repair sees it; {@code prediction} is the model of the readers' cheaper estimate of it) and the
 * share of pixels it may change in pursuit of it. Past that cap the ladder climbs only while
 * nothing reads.
 */
public record RepairGoal(double target, double maxPixelsChanged, Measure robustness, Measure prediction) {

    /** A goal without a model of the readers: every rung is measured by the real readers. */
    public RepairGoal(double target, double maxPixelsChanged, Measure robustness) {
        this(target, maxPixelsChanged, robustness, robustness);
    }

    /** Whether the goal has a model of the readers apart from the real measure. */
    boolean predicts() {
        return prediction != robustness;
    }

    /** How robust an image is, relative to a plain code. */
    @FunctionalInterface
    public interface Measure {
        /**
         * The image's robustness when it is at least {@code floor}; otherwise any value below
         * {@code floor} (a measure may stop once the floor is out of reach).
         */
        double of(BufferedImage image, double floor);
    }

    /** The first rung that reads is enough; robustness is not measured. */
    public static RepairGoal firstRead() {
        return new RepairGoal(0, 0, (image, floor) -> Double.NaN);
    }

    /** An image left as it is, measured against the goal on {@code asRead} (its negative for a reversed code). */
    public Repair unchanged(BufferedImage image, BufferedImage asRead) {
        return unchanged(image, asRead, Double.NEGATIVE_INFINITY);
    }

    /**
     * An image left as it is, measured exactly when its robustness reaches {@code floor}, else
     * only as far as it takes to know that it does not (its robustness is then a bound below the floor).
     */
    public Repair unchanged(BufferedImage image, BufferedImage asRead, double floor) {
        double measured = PathCosts.time(Part.CONFIRMATION, () -> robustness.of(asRead, floor));
        return new Repair(image, 0, 0, 0, measured, met(measured));
    }

    boolean measures() {
        return target > 0;
    }

    public boolean met(double measured) {
        return !measures() || measured >= target;
    }
}
