package app.qrart.engine.repair;

import app.qrart.engine.analysis.CodewordLayout;
import app.qrart.engine.analysis.LumaPlane;
import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.costs.PathCosts.Part;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.image.Luma;
import app.qrart.engine.image.RgbImages;
import app.qrart.engine.locate.SymbolLocator;
import app.qrart.engine.verify.QrVerifier;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Makes a picture read as its QR symbol by changing as little as it can, then, for a
 * {@link RepairGoal}, as robust as the goal asks within its footprint. Steps, each judging the
 * image as the previous step left it and checked with every reader: lighten the quiet-zone
 * modules next to the symbol that are dark or ambiguous, restore wrong function-pattern modules,
 * and push the centres of wrong or ambiguous data modules across the threshold as round dots (hue
 * kept, edges faded), only as many codewords per Reed-Solomon block as the step's EC headroom
 * needs ({@link RepairPlan}). A code located in a picture is first tried with repainted modules
 * keeping their texture; then, from the picture again, with them flattened (generated images
 * start there), and headroom grows, then the dot, then the quiet band, then the contrast; last,
 * on a fresh copy, every module is repainted. Every rung that reads is measured against the
 * goal: the first that meets it within the goal's footprint ends the climb, else the most robust
 * rung within the goal's footprint is kept ({@link Footprint}: a first read past it stands only
 * until a rung within it reads, and is itself painted again as far as the goal's cap allows). The
 * camera rungs build on a textured read within the goal's cap. A step past the hard footprint cap
 * ends the repair as failed. Pictures whose code reaches their edges get a light border first (the
 * repaired image is then larger by it).
 */
public class QrRepairer {

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final double maxPixelsChanged;
    private final StepPainter painter;
    private final List<RepairStep> cameraRungs;
    private final List<RepairStep> ladder;

    /** Quiet-zone modules a picture must hold around its code before the repair adds a border. */
    private static final int QUIET_NEEDED = 2;

    /** Smallest border, in pixels, that lets a detector see a finder pattern's outer edge. */
    private static final int MIN_MARGIN = 2;

    /**
     * Light border, in modules, added around a located code that reaches its picture's edges (a
     * detector needs light beyond the finders, also at a distance). New canvas around the
     * picture, not a change to it: it does not count towards a footprint.
     */
    private static final double EDGE_MARGIN = 0.625;

    /**
     * When a rung meets the target within the cap, how many times its run of dots is halved in
     * search of a shorter run that still meets it (each probe read and measured).
     */
    private static final int TRIM_PROBES = 4;

    /** How many runs of a trimmed rung the real readers confirm at most (the model's proposal first). */
    private static final int TRIM_CONFIRMATIONS = 2;

    /** A repairer whose repairs change at most {@code maxPixelsChanged} of a picture's pixels to make it read at all. */
    public QrRepairer(QrEncoder encoder, QrVerifier verifier, double maxPixelsChanged) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.maxPixelsChanged = maxPixelsChanged;
        this.painter = new StepPainter(encoder.quietZoneModules());
        this.cameraRungs = RepairStep.cameraRungs();
        this.ladder = RepairStep.ladder(encoder.quietZoneModules());
    }

    /**
     * Repairs a generated image, laid out as QrEncoder.render draws the symbol. Its repainted
     * modules are always flattened: a picture that does not already draw the code would keep
     * textured finders that a blurred or distant camera loses.
     */
    public Repair repair(BufferedImage original, QrSymbol symbol) {
        return repair(original, symbol, RepairGoal.firstRead());
    }

    /** Repairs a generated image towards the goal (see {@link #repair(BufferedImage, QrSymbol)}). */
    public Repair repair(BufferedImage original, QrSymbol symbol, RepairGoal goal) {
        return repair(original, symbol, ModuleGrid.of(original, symbol, encoder), false, goal);
    }

    /**
     * Repairs a code located in an existing picture where it is. A reflectance-reversed code is
     * repaired as its negative and handed back reversed again (its border, if any, then dark).
     */
    public Repair repair(BufferedImage picture, SymbolLocator.Located located) {
        return repair(picture, located, RepairGoal.firstRead());
    }

    /**
     * Repairs a located code towards the goal; a reversed code's goal measures its negative (what
     * readers that accept reversed codes decode).
     */
    public Repair repair(BufferedImage picture, SymbolLocator.Located located, RepairGoal goal) {
        if (!located.reversed()) {
            return repair(picture, located.symbol(), located.grid(), true, goal);
        }
        Repair negative = repair(Luma.negative(picture), located.symbol(), located.grid(), true, goal);
        return negative.image() == null ? negative : negative.withImage(Luma.negative(negative.image()));
    }

    /**
     * Repairs a picture whose code sits on the given grid (a located code, possibly tilted). The
     * picture already draws the code, so a repair whose repainted modules keep their texture is tried first.
     */
    public Repair repair(BufferedImage picture, QrSymbol symbol, ModuleGrid located) {
        return repair(picture, symbol, located, true, RepairGoal.firstRead());
    }

    private Repair repair(
            BufferedImage picture, QrSymbol symbol, ModuleGrid located, boolean drawsCode, RepairGoal goal) {
        Canvas canvas = canvas(picture, symbol, located, new Footprint(goal, !drawsCode, maxPixelsChanged), drawsCode);
        Repair best = climbed(canvas, drawsCode);
        return best.image() == null || best.confirmed() ? best : canvas.confirmed(best, Double.NEGATIVE_INFINITY);
    }

    /**
     * The ladder climbed, each rung predicted by the goal's model of the readers and confirmed by
     * the real readers when the model expects it to meet the target ({@link Canvas#judged}): for
     * a picture that already draws the code, repainted modules that keep their texture cost least;
     * when that alone does not do, the ladder starts again from the picture with flattened
     * modules (local binarizers split textured finders).
     */
    private Repair climbed(Canvas canvas, boolean drawsCode) {
        RepairGoal goal = canvas.goal();
        Repair best = Repair.none();
        if (drawsCode) {
            best = climb(canvas, List.of(RepairStep.texturedFirst()), best, Repair.none());
            if (canvas.footprint().settled(best)) {
                return best;
            }
        }
        if (goal.measures()) {
            // Camera rungs build on a textured read within the goal's cap: the modules it fixed
            // need no camera dots, and a camera rung past the cap is filled from a picture that reads.
            best = climb(canvas, cameraRungs, best, canvas.footprint().withinGoal(best) ? best : Repair.none());
            if (canvas.footprint().settled(best)) {
                return best;
            }
        }
        best = climb(canvas, ladder, best, Repair.none());
        if (canvas.footprint().settled(best)) {
            return best;
        }
        Repair whole = repaintWhole(canvas, best);
        return whole.image() == null ? best : canvas.footprint().preferred(whole, best);
    }

    /**
     * The picture, with a light border when its code reaches its edges, and what steps judge it by:
     * the dark/light split of its modules is the one for a drawn code when the picture already draws it.
     */
    private Canvas canvas(
            BufferedImage picture, QrSymbol symbol, ModuleGrid located, Footprint footprint, boolean drawsCode) {
        int margin = located.ringOffImage(QUIET_NEEDED, picture.getWidth(), picture.getHeight())
                ? (int) Math.max(MIN_MARGIN, Math.round(located.modulePixels() * EDGE_MARGIN))
                : 0;
        BufferedImage original = RgbImages.onWhite(picture, margin);
        ModuleGrid grid = located.shifted(margin, margin);
        int[][] modules = LumaPlane.of(original).modules(grid);
        int threshold = drawsCode ? LumaPlane.drawnCodeThreshold(modules) : LumaPlane.threshold(modules);
        CodewordLayout layout =
                new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
        return new Canvas(original, Luma.pixels(original), symbol, layout, grid, threshold, margin, footprint);
    }

    /**
     * Applies the steps in turn to one copy of the picture (or of the {@code start} repair, when
     * it has an image), each judging the image as the previous one left it (so it adds only what
     * readers still miss). Every rung that reads and is worth measuring
     * ({@link Footprint#worthMeasuring}) is measured against the goal; the first that settles the
     * repair ends the climb, else the best so far is returned. A rung that reads past the goal's
     * cap is also painted only as far as the cap allows ({@link #filledToCap}), as a step that
     * would pass it is. A rung that has changed nothing yet is the caller's own picture or the
     * start, both judged already: it is not read and measured again.
     */
    private Repair climb(Canvas canvas, List<RepairStep> steps, Repair bestSoFar, Repair start) {
        BufferedImage image = RgbImages.copy(start.image() != null ? start.image() : canvas.original());
        int[][] grown = new int[canvas.symbol().width() + 2 * CameraPlan.RING][];
        Arrays.setAll(grown, row -> new int[grown.length]);
        Repair best = bestSoFar;
        int touched = start.modulesTouched();
        int measuredAt = start.image() != null || canvas.margin() == 0 ? touched : -1;
        for (RepairStep step : steps) {
            BufferedImage before = RgbImages.copy(image);
            Strokes strokes = new Strokes(canvas.grid());
            int touchedBefore = touched;
            touched += PathCosts.time(Part.PAINT, () -> painter.apply(image, canvas, step, grown, strokes));
            double changed = canvas.changed(image);
            double cap = canvas.footprint().cap(best);
            if (changed > cap) {
                return best.image() == null ? best : filledToCap(canvas, before, touchedBefore, strokes, cap, best);
            }
            Repair rung = touched != measuredAt && canvas.footprint().worthMeasuring(changed, best)
                    ? measuredIfReads(canvas, image, touched, changed, best)
                    : Repair.none();
            if (rung.image() != null) {
                measuredAt = touched;
                best = canvas.footprint().preferred(rung, best);
                if (!canvas.footprint().withinGoal(best)) {
                    best = filledToCap(
                            canvas,
                            before,
                            touchedBefore,
                            strokes,
                            canvas.footprint().cap(best),
                            best);
                    if (canvas.footprint().settled(best)) {
                        return best;
                    }
                } else if (canvas.footprint().settled(best)) {
                    return trimmed(canvas, before, touchedBefore, strokes, strokes.size(), best);
                }
            }
        }
        return best;
    }

    /**
     * A step that would pass the cap, painted only as far as the cap allows: the longest prefix of
     * its strokes, on the picture as the step found it ({@code touchedBefore} modules painted by
     * the climb so far), that stays within the cap, measured like any rung (the best so far when
     * it does not read or ranks lower).
     */
    private Repair filledToCap(
            Canvas canvas, BufferedImage before, int touchedBefore, Strokes strokes, double cap, Repair best) {
        int within = 0;
        int over = strokes.size();
        while (over - within > 1) {
            int middle = (within + over) / 2;
            BufferedImage partial = strokes.replay(before, middle);
            if (canvas.changed(partial) <= cap) {
                within = middle;
            } else {
                over = middle;
            }
        }
        BufferedImage image = strokes.replay(before, within);
        double changed = canvas.changed(image);
        Repair rung = within > 0 && canvas.footprint().worthMeasuring(changed, best)
                ? measuredIfReads(canvas, image, touchedBefore + strokes.touched(within), changed, best)
                : Repair.none();
        if (rung.image() == null) {
            return best;
        }
        Repair filled = canvas.footprint().preferred(rung, best);
        return filled != best && canvas.footprint().settled(filled)
                ? trimmed(canvas, before, touchedBefore, strokes, within, filled)
                : filled;
    }

    /**
     * A step whose first {@code painted} strokes settled the repair (confirmed by the real
     * readers), cut back to a shorter run of them that still settles it, by halving the run
     * between the step's start (which did not settle it) and the shortest run known to: up to
     * {@link #TRIM_PROBES} halvings predicted by the goal's model of the readers (measured by the
     * real readers, each read at full size first, when the goal has none). The shortest run
     * predicted to settle is then read and confirmed by the real readers; where they contradict
     * the model, runs halfway up towards the settled one are confirmed in turn, up to
     * {@link #TRIM_CONFIRMATIONS} in all, and the first that settles is kept (else the settled run).
     */
    private Repair trimmed(
            Canvas canvas, BufferedImage before, int touchedBefore, Strokes strokes, int painted, Repair settled) {
        int[] bounds = {0, painted};
        Repair proposed = settled;
        for (int probe = 0; probe < TRIM_PROBES && bounds[1] - bounds[0] > 1; probe++) {
            int middle = (bounds[0] + bounds[1]) / 2;
            BufferedImage image = strokes.replay(before, middle);
            // A probe the real readers measure (no model) must read at full size, as any rung delivered.
            Repair rung = canvas.goal().predicts() || reads(image, canvas)
                    ? canvas.predicted(
                            image,
                            touchedBefore + strokes.touched(middle),
                            canvas.changed(image),
                            canvas.goal().target())
                    : Repair.none();
            boolean settles = rung.image() != null && canvas.footprint().settled(rung);
            bounds[settles ? 1 : 0] = middle;
            proposed = settles ? rung : proposed;
        }
        if (proposed == settled || proposed.confirmed()) {
            return canvas.footprint().preferred(proposed, settled);
        }
        int unsettled = bounds[0];
        int settles = painted;
        int candidate = bounds[1];
        Repair kept = settled;
        for (int confirmation = 0; confirmation < TRIM_CONFIRMATIONS && settles - unsettled > 1; confirmation++) {
            BufferedImage image = strokes.replay(before, candidate);
            Repair rung = reads(image, canvas)
                    ? canvas.confirmed(
                            canvas.unjudged(image, touchedBefore + strokes.touched(candidate), canvas.changed(image)),
                            canvas.goal().target())
                    : Repair.none();
            if (rung.image() != null && canvas.footprint().settled(rung)) {
                return canvas.footprint().preferred(rung, kept);
            }
            unsettled = candidate;
            candidate = (unsettled + settles) / 2;
        }
        return kept;
    }

    /**
     * The image as a rung of the step, judged against the best so far ({@link Canvas#judged}),
     * when every reader reads it; else none.
     */
    private Repair measuredIfReads(Canvas canvas, BufferedImage image, int touched, double changed, Repair best) {
        return reads(image, canvas) ? canvas.judged(image, touched, changed, best) : Repair.none();
    }

    private boolean reads(BufferedImage image, Canvas canvas) {
        return PathCosts.time(
                Part.GATE, () -> verifier.readsExactly(image, canvas.symbol().content()));
    }

    /** The last resort, on a fresh copy: every module and the whole quiet zone repainted. */
    private Repair repaintWhole(Canvas canvas, Repair best) {
        BufferedImage image = RgbImages.copy(canvas.original());
        int touched = painter.repaintWhole(image, canvas);
        double changed = canvas.changed(image);
        return changed <= canvas.footprint().cap(best) && reads(image, canvas)
                ? canvas.judged(image, touched, changed, best)
                : Repair.none();
    }
}
