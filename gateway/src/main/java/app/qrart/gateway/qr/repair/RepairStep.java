package app.qrart.gateway.qr.repair;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
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

    RepairStep(double headroom, double dotShare, int quietModules, boolean flatten, boolean fullContrast) {
        this(headroom, dotShare, quietModules, flatten, fullContrast, -1);
    }

    /** The cheapest step: smallest headroom and dot, repainted modules keep their texture. */
    static RepairStep texturedFirst(ScanConfig scan) {
        return new RepairStep(scan.repairHeadroom().get(0), scan.dotShares().get(0), 1, false, false);
    }

    /**
     * Rungs sized by the modelled camera, from the picture again: the function modules and the
     * quiet band beside the finders, centre fixes to the smallest headroom, then camera fixes to
     * each camera headroom in turn.
     */
    static List<RepairStep> cameraRungs(ScanConfig scan) {
        double least = scan.repairHeadroom().get(0);
        double smallest = scan.dotShares().get(0);
        return scan.cameraHeadroom().stream()
                .map(camera -> new RepairStep(least, smallest, 1, true, false, camera))
                .toList();
    }

    /**
     * Headroom steps at the smallest dot with the quiet zone and finders fixed where detectors
     * look; then every function module and a two-module quiet band all round (cheap next to
     * larger dots); then larger dots; then the whole quiet zone; last at the configured dark and
     * light targets rather than just past the picture's own threshold. Repainted modules are flattened.
     */
    static List<RepairStep> ladder(ScanConfig scan, QrConfig qr) {
        List<RepairStep> steps = new ArrayList<>();
        double smallest = scan.dotShares().get(0);
        for (double headroom : scan.repairHeadroom()) {
            steps.add(new RepairStep(headroom, smallest, 1, true, false));
        }
        double full = scan.repairHeadroom().get(scan.repairHeadroom().size() - 1);
        steps.add(new RepairStep(full, smallest, 2, true, false));
        for (double share : scan.dotShares().subList(1, scan.dotShares().size())) {
            steps.add(new RepairStep(full, share, 2, true, false));
        }
        steps.add(new RepairStep(full, 1.0, qr.quietZoneModules(), true, false));
        steps.add(new RepairStep(full, 1.0, qr.quietZoneModules(), true, true));
        return steps;
    }
}
