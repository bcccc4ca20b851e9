package app.qrart.gateway.qr.repair;

/**
 * How far a rung may change the picture: the hard cap while nothing reads yet, the goal's own cap
 * once something does, counted from the picture (a located code) or, for a generated or embedded
 * picture, from the first rung that read (what reading at all cost is not the strength's to pay).
 */
final class Footprint {
    private final RepairGoal goal;
    private final boolean beyondFirstRead;
    private double firstRead = Double.NaN;

    Footprint(RepairGoal goal, boolean beyondFirstRead) {
        this.goal = goal;
        this.beyondFirstRead = beyondFirstRead;
    }

    RepairGoal goal() {
        return goal;
    }

    /** Notes a rung that reads, changing this share of the picture. */
    void read(double changed) {
        firstRead = Double.isNaN(firstRead) ? changed : Math.min(firstRead, changed);
    }

    /** The share of the picture the next rung may change, given the best repair so far. */
    double cap(Repair best, double hardCap) {
        if (best.image() == null || !goal.measures()) {
            return hardCap;
        }
        double from = beyondFirstRead && !Double.isNaN(firstRead) ? firstRead : 0;
        return Math.min(hardCap, from + goal.maxPixelsChanged());
    }
}
