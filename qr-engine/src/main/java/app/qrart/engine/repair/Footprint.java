package app.qrart.engine.repair;

/**
 * How far a rung may change the picture: the hard cap while nothing reads yet, the goal's own cap
 * once something does, counted from the picture (a located code) or, for a generated or embedded
 * picture, from the first rung that read (what reading at all cost is not the strength's to pay).
 * A first read past the goal's cap is kept only until a rung within it reads.
 */
final class Footprint {
    private final RepairGoal goal;
    private final boolean beyondFirstRead;
    private final double hardCap;
    private double firstRead = Double.NaN;

    /** {@code hardCap}: the most any repair may change, reading or not. */
    Footprint(RepairGoal goal, boolean beyondFirstRead, double hardCap) {
        this.goal = goal;
        this.beyondFirstRead = beyondFirstRead;
        this.hardCap = hardCap;
    }

    RepairGoal goal() {
        return goal;
    }

    /** Notes a rung that reads, changing this share of the picture. */
    void read(double changed) {
        firstRead = Double.isNaN(firstRead) ? changed : Math.min(firstRead, changed);
    }

    /** The share of the picture the next rung may change, given the best repair so far. */
    double cap(Repair best) {
        if (best.image() == null || !goal.measures()) {
            return hardCap;
        }
        return Math.min(hardCap, goalCap());
    }

    /**
     * Whether a repair stays within the goal's own cap (a first read may cost more: nothing
     * cheaper read). A goal that measures nothing has no cap of its own.
     */
    boolean withinGoal(Repair repair) {
        return !goal.measures() || repair.pixelsChangedShare() <= goalCap();
    }

    /** Whether the repair ends the search: it meets the target within the goal's own cap. */
    boolean settled(Repair repair) {
        return repair.targetMet() && withinGoal(repair);
    }

    /**
     * Whether a rung changing this share is measured against the best so far: when it changes
     * more (a rung that changes less is not expected to read more robustly), or when the best is
     * a first read past the goal's cap and this one is within it.
     */
    boolean worthMeasuring(double changed, Repair best) {
        return changed > best.measuredChange() || best.image() != null && !withinGoal(best) && changed <= goalCap();
    }

    /**
     * The robustness a rung within the cap must reach to be {@link #preferred} to the best so far
     * (minus infinity: any rung that reads is): the target when the best meets it, else the
     * lower of the target and the best's robustness. Below it the rung's exact score is not needed.
     */
    double mustReach(Repair best) {
        if (!goal.measures() || best.image() == null || !withinGoal(best)) {
            return Double.NEGATIVE_INFINITY;
        }
        return best.targetMet() ? goal.target() : Math.min(goal.target(), best.robustness());
    }

    /** The better of a measured rung and the best so far: within the goal's cap first, then by ranking. */
    Repair preferred(Repair rung, Repair best) {
        if (best.image() != null && rung.image() != null && withinGoal(rung) != withinGoal(best)) {
            return withinGoal(rung) ? rung : best;
        }
        return rung.betterThan(best) ? rung : best;
    }

    private double goalCap() {
        double from = beyondFirstRead && !Double.isNaN(firstRead) ? firstRead : 0;
        return from + goal.maxPixelsChanged();
    }
}
