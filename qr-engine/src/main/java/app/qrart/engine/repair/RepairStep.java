package app.qrart.engine.repair;

import java.util.ArrayList;
import java.util.List;

/**
 * One rung of the repair ladder: the EC headroom data fixes keep, the dot share, the quiet band's
 * width in modules; `flatten` also compresses the texture of fully repainted modules,
 * `fullContrast` paints at the configured dark and light targets; `camera` is the EC headroom kept
 * as the modelled camera reads the code (below 0: not modelled).
 */
record RepairStep(
        double headroom, double dotShare, int quietModules, boolean flatten, boolean fullContrast, double camera) {

    /** Diameter of the repaired centre of a data module, as a share of the module: smallest first. */
    static final List<Double> DOT_SHARES = List.of(0.45, 0.6, 0.8, 1.0);

    /**
     * EC headroom the repair aims for, in order, at the smallest dot: each block keeps at most
     * (1 - headroom) x its correctable codewords wrong, the cheapest wrong codewords fixed first.
     */
    static final List<Double> HEADROOM = List.of(0.25, 0.5, 1.0);

    /** EC headroom each camera rung keeps in every modelled frame, in order. */
    static final List<Double> CAMERA_HEADROOM = List.of(0.5, 1.0);

    RepairStep(double headroom, double dotShare, int quietModules, boolean flatten, boolean fullContrast) {
        this(headroom, dotShare, quietModules, flatten, fullContrast, -1);
    }

    /** The cheapest step: smallest headroom and dot, repainted modules keep their texture. */
    static RepairStep texturedFirst() {
        return new RepairStep(HEADROOM.get(0), DOT_SHARES.get(0), 1, false, false);
    }

    /**
     * Rungs sized by the modelled camera, from the picture again: the function modules and the
     * quiet band beside the finders, centre fixes to the smallest headroom, then camera fixes to
     * each camera headroom in turn.
     */
    static List<RepairStep> cameraRungs() {
        double least = HEADROOM.get(0);
        double smallest = DOT_SHARES.get(0);
        return CAMERA_HEADROOM.stream()
                .map(camera -> new RepairStep(least, smallest, 1, true, false, camera))
                .toList();
    }

    /**
     * Headroom steps at the smallest dot with the quiet zone and finders fixed where detectors
     * look; then every function module and a two-module quiet band all round (cheap next to
     * larger dots); then larger dots; then the whole quiet zone; last at the configured dark and
     * light targets rather than just past the picture's own threshold. Repainted modules are flattened.
     */
    static List<RepairStep> ladder(int quietZoneModules) {
        List<RepairStep> steps = new ArrayList<>();
        double smallest = DOT_SHARES.get(0);
        for (double headroom : HEADROOM) {
            steps.add(new RepairStep(headroom, smallest, 1, true, false));
        }
        double full = HEADROOM.get(HEADROOM.size() - 1);
        steps.add(new RepairStep(full, smallest, 2, true, false));
        for (double share : DOT_SHARES.subList(1, DOT_SHARES.size())) {
            steps.add(new RepairStep(full, share, 2, true, false));
        }
        steps.add(new RepairStep(full, 1.0, quietZoneModules, true, false));
        steps.add(new RepairStep(full, 1.0, quietZoneModules, true, true));
        return steps;
    }
}
