package app.qrart.gateway.qr.repair;

import java.awt.image.BufferedImage;
import java.util.function.ToDoubleFunction;

/**
 * What a repair aims for beyond reading: a robustness (relative to a plain code, measured by
 * {@code robustness} on a candidate image laid out as the repair sees it) and the share of pixels
 * it may change in pursuit of it. Past that cap the ladder climbs only while nothing reads.
 */
public record RepairGoal(double target, double maxPixelsChanged, ToDoubleFunction<BufferedImage> robustness) {

    /** The first rung that reads is enough; robustness is not measured. */
    public static RepairGoal firstRead() {
        return new RepairGoal(0, 0, image -> Double.NaN);
    }

    /** An image left as it is, measured against the goal on {@code asRead} (its negative for a reversed code). */
    public Repair unchanged(BufferedImage image, BufferedImage asRead) {
        double measured = robustness.applyAsDouble(asRead);
        return new Repair(image, 0, 0, 0, measured, met(measured));
    }

    boolean measures() {
        return target > 0;
    }

    public boolean met(double measured) {
        return !measures() || measured >= target;
    }
}
