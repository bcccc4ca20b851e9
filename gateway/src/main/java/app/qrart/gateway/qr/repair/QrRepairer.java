package app.qrart.gateway.qr.repair;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.qr.analysis.CodewordLayout;
import app.qrart.gateway.qr.analysis.LumaPlane;
import app.qrart.gateway.qr.analysis.ModuleGrid;
import app.qrart.gateway.qr.encode.QrEncoder;
import app.qrart.gateway.qr.encode.QrSymbol;
import app.qrart.gateway.qr.image.Luma;
import app.qrart.gateway.qr.locate.SymbolLocator;
import app.qrart.gateway.qr.verify.CameraSimulator;
import app.qrart.gateway.qr.verify.QrVerifier;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
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
 * goal: the first that meets it ends the climb, else the most robust rung within the goal's
 * footprint is kept. A step past the hard footprint cap ends the repair as failed. Pictures whose
 * code reaches their edges get a thin light border first (the repaired image is then larger by it).
 */
@ApplicationScoped
public class QrRepairer {

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final QrConfig qr;
    private final ScanConfig scan;

    /** Dot size for timing, alignment and format modules: a little firmer than data dots. */
    private static final double OTHER_FUNCTION_DOT = 0.6;

    /** Quiet-zone modules a picture must hold around its code before the repair adds a border. */
    private static final int QUIET_NEEDED = 2;

    /** Smallest border, in pixels, that lets a detector see a finder pattern's outer edge. */
    private static final int MIN_MARGIN = 2;

    public QrRepairer(QrEncoder encoder, QrVerifier verifier, QrConfig qr, ScanConfig scan) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.qr = qr;
        this.scan = scan;
        List<String> known = CameraSimulator.conditions();
        List<String> unknown =
                scan.cameraConditions().stream().filter(c -> !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "qrart.scan.camera.conditions: unknown " + unknown + "; known: " + known);
        }
    }

    /**
     * What a repair did; `image` is null when no repair within the cap makes it scan. `margin` is
     * the light border, in pixels per side, added around a picture whose code reaches its edges
     * (the image is then that much larger; the border counts as changed pixels). `robustness` is
     * the goal's measure of the image (NaN when the goal measures none), `targetMet` whether it
     * reaches the goal's target.
     */
    public record Repair(
            BufferedImage image,
            int modulesTouched,
            double pixelsChangedShare,
            int margin,
            double robustness,
            boolean targetMet) {

        public Repair(BufferedImage image, int modulesTouched, double pixelsChangedShare) {
            this(image, modulesTouched, pixelsChangedShare, 0, Double.NaN, image != null);
        }

        public static Repair none() {
            return new Repair(null, 0, 0);
        }

        /**
         * The change below which a rung is not measured against this one: a rung that changes
         * fewer pixels than the most robust rung so far is not expected to read more robustly.
         */
        double measuredChange() {
            return image == null ? -1 : pixelsChangedShare;
        }

        /** Its standing for {@link CandidateRanking}. */
        public CandidateRanking.Score score() {
            return new CandidateRanking.Score(targetMet, robustness, pixelsChangedShare);
        }

        /** Whether this repair is to be preferred to the other (an image to none, then by {@link CandidateRanking}). */
        public boolean betterThan(Repair other) {
            if (image == null || other.image() == null) {
                return image != null && other.image() == null;
            }
            return CandidateRanking.BEST_LAST.compare(score(), other.score()) > 0;
        }
    }

    /**
     * One rung of the ladder; `flatten` also compresses the texture of fully repainted modules;
     * `camera` is the EC headroom kept as the modelled camera reads the code (below 0: not modelled).
     */
    private record Step(
            double headroom, double dotShare, int quietModules, boolean flatten, boolean fullContrast, double camera) {

        Step(double headroom, double dotShare, int quietModules, boolean flatten, boolean fullContrast) {
            this(headroom, dotShare, quietModules, flatten, fullContrast, -1);
        }
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
        return negative.image() == null
                ? negative
                : new Repair(
                        Luma.negative(negative.image()),
                        negative.modulesTouched(),
                        negative.pixelsChangedShare(),
                        negative.margin(),
                        negative.robustness(),
                        negative.targetMet());
    }

    /**
     * Repairs a picture whose code sits on the given grid (a located code, possibly tilted). The
     * picture already draws the code, so a repair whose repainted modules keep their texture is tried first.
     */
    public Repair repair(BufferedImage picture, QrSymbol symbol, ModuleGrid located) {
        return repair(picture, symbol, located, true, RepairGoal.firstRead());
    }

    private Repair repair(
            BufferedImage picture, QrSymbol symbol, ModuleGrid located, boolean texturedFirst, RepairGoal goal) {
        int margin = located.ringOffImage(QUIET_NEEDED, picture.getWidth(), picture.getHeight())
                ? (int) Math.max(MIN_MARGIN, Math.round(located.modulePixels() * scan.edgeMargin()))
                : 0;
        BufferedImage original = withMargin(picture, margin);
        ModuleGrid grid = located.shifted(margin, margin);
        int threshold = LumaPlane.threshold(LumaPlane.of(original).modules(grid));
        double marginShare = 1
                - (double) picture.getWidth()
                        * picture.getHeight()
                        / ((long) original.getWidth() * original.getHeight());
        CodewordLayout layout =
                new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
        Footprint footprint = new Footprint(goal, !texturedFirst && scan.capBeyondFirstRead());
        Canvas canvas = new Canvas(
                original, Luma.pixels(original), symbol, layout, grid, threshold, marginShare, margin, footprint);
        // Repainted modules that keep their texture cost least; when that alone does not do, the
        // ladder starts again from the picture with flattened modules (local binarizers split textured finders).
        Repair best = Repair.none();
        if (texturedFirst) {
            best = climb(canvas, List.of(texturedFirstStep()), best);
            if (best.targetMet()) {
                return best;
            }
        }
        if (goal.measures()) {
            best = climb(canvas, cameraSteps(), best);
            if (best.targetMet()) {
                return best;
            }
        }
        best = climb(canvas, steps(), best);
        if (best.targetMet()) {
            return best;
        }
        Repair whole = repaintWhole(canvas, best);
        return whole.betterThan(best) ? whole : best;
    }

    /** The picture being repaired and what every step judges it by. */
    private record Canvas(
            BufferedImage original,
            int[] before,
            QrSymbol symbol,
            CodewordLayout layout,
            ModuleGrid grid,
            int threshold,
            double marginShare,
            int margin,
            Footprint footprint) {

        RepairGoal goal() {
            return footprint.goal();
        }

        /** The repair as it stands, measured against the goal (the image is copied: the climb goes on). */
        Repair measured(BufferedImage image, int touched, double changed) {
            footprint.read(changed);
            double robustness = goal().robustness().applyAsDouble(image);
            return new Repair(copy(image), touched, changed, margin, robustness, goal().met(robustness));
        }

        double cap(Repair best, double hardCap) {
            return footprint.cap(best, hardCap);
        }
    }

    /**
     * How far a rung may change the picture: the hard cap while nothing reads yet, the goal's own
     * cap once something does, counted from the picture (a located code) or, for a generated or
     * embedded picture, from the first rung that read (what reading at all cost is not the strength's to pay).
     */
    private static final class Footprint {
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

        void read(double changed) {
            firstRead = Double.isNaN(firstRead) ? changed : Math.min(firstRead, changed);
        }

        double cap(Repair best, double hardCap) {
            if (best.image() == null || !goal.measures()) {
                return hardCap;
            }
            double from = beyondFirstRead && !Double.isNaN(firstRead) ? firstRead : 0;
            return Math.min(hardCap, from + goal.maxPixelsChanged());
        }
    }

    /**
     * Applies the steps in turn to one copy of the picture, each judging the image as the previous
     * one left it (so it adds only what readers still miss). Every rung that reads and changes more
     * than the best so far is measured against the goal; the first that meets it ends the climb,
     * else the best so far is returned.
     * A rung that has changed nothing yet is the caller's own picture, which the caller judged
     * already: it is not read and measured again.
     */
    private Repair climb(Canvas canvas, List<Step> steps, Repair bestSoFar) {
        BufferedImage image = copy(canvas.original());
        int[][] grown = new int[canvas.symbol().width() + 2 * CameraPlan.RING][];
        Arrays.setAll(grown, row -> new int[grown.length]);
        Repair best = bestSoFar;
        int touched = 0;
        int measuredAt = canvas.margin() == 0 ? 0 : -1;
        for (Step step : steps) {
            BufferedImage before = scan.fillToCap() ? copy(image) : null;
            Strokes strokes = new Strokes(canvas.grid());
            touched += apply(image, canvas, step, grown, strokes);
            double changed = canvas.marginShare() + changedShare(canvas.before(), image);
            double cap = canvas.cap(best, scan.maxPixelsChanged());
            if (changed > cap) {
                return before == null || best.image() == null
                        ? best
                        : filledToCap(canvas, step, before, strokes, cap, best);
            }
            if (touched != measuredAt
                    && changed > best.measuredChange()
                    && robustEnough(image, canvas, step)
                    && reads(image, canvas)) {
                measuredAt = touched;
                Repair rung = canvas.measured(image, touched, changed);
                best = rung.betterThan(best) ? rung : best;
                if (rung.targetMet()) {
                    return best;
                }
            }
        }
        return best;
    }

    /**
     * A step that would pass the cap, painted only as far as the cap allows: the longest prefix of
     * its strokes, on the picture as the step found it, that stays within the cap, measured like
     * any rung (the best so far when it does not read or ranks lower).
     */
    private Repair filledToCap(
            Canvas canvas, Step step, BufferedImage before, Strokes strokes, double cap, Repair best) {
        int within = 0;
        int over = strokes.size();
        while (over - within > 1) {
            int middle = (within + over) / 2;
            BufferedImage partial = strokes.replay(before, middle);
            if (canvas.marginShare() + changedShare(canvas.before(), partial) <= cap) {
                within = middle;
            } else {
                over = middle;
            }
        }
        BufferedImage image = strokes.replay(before, within);
        double changed = canvas.marginShare() + changedShare(canvas.before(), image);
        if (within == 0
                || changed <= best.measuredChange()
                || !robustEnough(image, canvas, step)
                || !reads(image, canvas)) {
            return best;
        }
        Repair rung = canvas.measured(image, best.modulesTouched() + strokes.touched(within), changed);
        return rung.betterThan(best) ? rung : best;
    }

    /**
     * The dots a step paints, in order, so that the first n of them can be painted again on a
     * copy of the picture as the step found it (each dot depends only on the pixels under it).
     */
    private static final class Strokes {
        private final ModuleGrid grid;
        private final List<Stroke> painted = new ArrayList<>();

        private record Stroke(
                int x, int y, double share, boolean dark, int darkTarget, int lightTarget, boolean flatten) {}

        Strokes(ModuleGrid grid) {
            this.grid = grid;
        }

        /** Paints the dot ({@link ModuleGrid#paint}) and records it; true when a pixel changed. */
        boolean paint(
                BufferedImage image,
                int x,
                int y,
                double share,
                boolean dark,
                int darkTarget,
                int lightTarget,
                boolean flatten) {
            painted.add(new Stroke(x, y, share, dark, darkTarget, lightTarget, flatten));
            return draw(image, painted.get(painted.size() - 1));
        }

        int size() {
            return painted.size();
        }

        /** How many distinct modules the first n strokes paint. */
        int touched(int n) {
            return (int) painted.subList(0, n).stream()
                    .map(stroke -> List.of(stroke.x(), stroke.y()))
                    .distinct()
                    .count();
        }

        /** A copy of the picture with the first n strokes painted on it. */
        BufferedImage replay(BufferedImage before, int n) {
            BufferedImage image = copy(before);
            for (Stroke stroke : painted.subList(0, n)) {
                draw(image, stroke);
            }
            return image;
        }

        private boolean draw(BufferedImage image, Stroke s) {
            return grid.paint(image, s.x(), s.y(), s.share(), s.dark(), s.darkTarget(), s.lightTarget(), s.flatten());
        }
    }

    private boolean robustEnough(BufferedImage image, Canvas canvas, Step step) {
        return step.fullContrast()
                || scan.minBlurredHeadroom() < 0
                || new RepairPlan(image, canvas.symbol(), canvas.grid(), canvas.threshold(), scan.ambiguityMargin())
                                .blurredHeadroom()
                        >= scan.minBlurredHeadroom();
    }

    private boolean reads(BufferedImage image, Canvas canvas) {
        return verifier.readsExactly(image, canvas.symbol().content());
    }

    /** One step's quiet band, function-pattern and data fixes; returns the modules it touched. */
    private int apply(BufferedImage image, Canvas canvas, Step step, int[][] grown, Strokes strokes) {
        QrSymbol symbol = canvas.symbol();
        ModuleGrid grid = canvas.grid();
        int threshold = canvas.threshold();
        RepairPlan plan = new RepairPlan(image, symbol, grid, threshold, scan.ambiguityMargin());
        int push = step.fullContrast() ? 255 : scan.contrastPush();
        boolean flatten = step.flatten();
        int touched = restoreQuietBand(image, plan, grid, step, push, strokes);
        touched += paint(
                image,
                strokes,
                plan.finderFixes(step.quietModules() > 1, step.fullContrast()),
                1.0,
                symbol,
                threshold,
                push,
                flatten);
        double otherShare = Math.max(step.dotShare(), OTHER_FUNCTION_DOT);
        touched += paint(
                image, strokes, plan.otherFunctionFixes(otherShare), otherShare, symbol, threshold, push, flatten);
        touched += paint(
                image,
                strokes,
                plan.dataFixes(step.headroom(), step.dotShare()),
                step.dotShare(),
                symbol,
                threshold,
                push,
                flatten);
        if (step.camera() >= 0) {
            touched += cameraFixes(image, canvas, step, push, grown, strokes);
        }
        return touched;
    }

    /**
     * Passes of camera fixes ({@link CameraPlan}): each judges the picture as the previous pass
     * left it, and a module still misread grows to its next dot (the first at the centre push,
     * then at the dark and light targets), so each module gets the least that reads; {@code
     * grown} holds each module's dot so far over the climb ([y + RING][x + RING]).
     */
    private int cameraFixes(BufferedImage image, Canvas canvas, Step step, int push, int[][] grown, Strokes strokes) {
        List<Double> shares = scan.cameraDotShares();
        int touched = 0;
        for (int pass = 0; pass < scan.cameraPasses(); pass++) {
            CameraPlan plan = new CameraPlan(
                    image,
                    canvas.symbol(),
                    canvas.grid(),
                    canvas.layout(),
                    (int) Math.round(canvas.grid().modulePixels()),
                    scan.cameraConditions());
            List<int[]> modules = plan.modules(step.camera(), step.quietModules());
            boolean grew = false;
            for (int[] m : modules) {
                int level = grown[m[1] + CameraPlan.RING][m[0] + CameraPlan.RING]++;
                if (level >= shares.size()) {
                    continue;
                }
                grew = true;
                int darkTarget = level == 0 ? darkTarget(canvas.threshold(), push) : scan.darkTarget();
                int lightTarget = level == 0 ? lightTarget(canvas.threshold(), push) : scan.lightTarget();
                boolean dark = plan.dark(m[0], m[1]);
                if (strokes.paint(
                        image, m[0], m[1], shares.get(level), dark, darkTarget, lightTarget, step.flatten())) {
                    touched++;
                }
            }
            if (!grew) {
                break;
            }
        }
        return touched;
    }

    /**
     * The last resort, on a fresh copy: every module and the whole quiet zone at the configured
     * targets, so only the picture's hues and textures beyond the targets remain.
     */
    private Repair repaintWhole(Canvas canvas, Repair best) {
        BufferedImage image = copy(canvas.original());
        QrSymbol symbol = canvas.symbol();
        int quiet = qr.quietZoneModules();
        int touched = 0;
        for (int y = -quiet; y < symbol.width() + quiet; y++) {
            for (int x = -quiet; x < symbol.width() + quiet; x++) {
                boolean inside = x >= 0 && y >= 0 && x < symbol.width() && y < symbol.width();
                if (canvas.grid()
                        .paint(
                                image,
                                x,
                                y,
                                1.0,
                                inside && symbol.dark(x, y),
                                scan.darkTarget(),
                                scan.lightTarget(),
                                true)) {
                    touched++;
                }
            }
        }
        double changed = canvas.marginShare() + changedShare(canvas.before(), image);
        return changed <= canvas.cap(best, scan.maxPixelsChanged()) && reads(image, canvas)
                ? canvas.measured(image, touched, changed)
                : Repair.none();
    }

    /**
     * Rungs sized by the modelled camera, from the picture again: the function modules and the
     * quiet band beside the finders, centre fixes to the smallest headroom, then camera fixes
     * to each camera headroom in turn.
     */
    private List<Step> cameraSteps() {
        double least = scan.repairHeadroom().get(0);
        double smallest = scan.dotShares().get(0);
        return scan.cameraHeadroom().stream()
                .map(camera -> new Step(least, smallest, 1, true, false, camera))
                .toList();
    }

    /** The cheapest step: smallest headroom and dot, repainted modules keep their texture. */
    private Step texturedFirstStep() {
        return new Step(scan.repairHeadroom().get(0), scan.dotShares().get(0), 1, false, false);
    }

    /**
     * Headroom steps at the smallest dot with the quiet zone and finders fixed where detectors
     * look; then every function module and a two-module quiet band all round (cheap next to
     * larger dots); then larger dots; then the whole quiet zone; last at the configured dark and
     * light targets rather than just past the picture's own threshold. Repainted modules are flattened.
     */
    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        double smallest = scan.dotShares().get(0);
        for (double headroom : scan.repairHeadroom()) {
            steps.add(new Step(headroom, smallest, 1, true, false));
        }
        double full = scan.repairHeadroom().get(scan.repairHeadroom().size() - 1);
        steps.add(new Step(full, smallest, 2, true, false));
        for (double share : scan.dotShares().subList(1, scan.dotShares().size())) {
            steps.add(new Step(full, share, 2, true, false));
        }
        steps.add(new Step(full, 1.0, qr.quietZoneModules(), true, false));
        steps.add(new Step(full, 1.0, qr.quietZoneModules(), true, true));
        return steps;
    }

    private int paint(
            BufferedImage image,
            Strokes strokes,
            List<int[]> modules,
            double share,
            QrSymbol symbol,
            int threshold,
            int push,
            boolean flatten) {
        int darkTarget = darkTarget(threshold, push);
        int lightTarget = lightTarget(threshold, push);
        int touched = 0;
        for (int[] m : modules) {
            if (strokes.paint(image, m[0], m[1], share, symbol.dark(m[0], m[1]), darkTarget, lightTarget, flatten)) {
                touched++;
            }
        }
        return touched;
    }

    /** Dark pixels go this far below the picture's own threshold, never lighter than the configured dark target. */
    private int darkTarget(int threshold, int push) {
        return Math.max(scan.darkTarget(), threshold - push);
    }

    private int lightTarget(int threshold, int push) {
        return Math.min(scan.lightTarget(), threshold + push);
    }

    /**
     * Lightens the quiet-zone modules around the symbol that are not clearly light: beside the
     * finders (what detectors need) for a one-module band, all round for a wider one, and every
     * one of them in the last step (a patchy quiet zone shows detectors finder-like shapes).
     */
    private int restoreQuietBand(
            BufferedImage image, RepairPlan plan, ModuleGrid grid, Step step, int push, Strokes strokes) {
        int band = step.quietModules();
        int darkTarget = darkTarget(plan.threshold(), push);
        int lightTarget = lightTarget(plan.threshold(), push);
        int touched = 0;
        int width = grid.width();
        for (int y = -band; y < width + band; y++) {
            for (int x = -band; x < width + band; x++) {
                boolean inside = x >= 0 && y >= 0 && x < width && y < width;
                boolean needed = band > 1 || RepairPlan.nearFinder(x, y, width);
                if (!inside
                        && needed
                        && (step.fullContrast() || !plan.quiet(x, y))
                        && strokes.paint(image, x, y, 1.0, false, darkTarget, lightTarget, step.flatten())) {
                    touched++;
                }
            }
        }
        return touched;
    }

    /** Share of pixels whose any channel moved more than 10 levels from the original's. */
    private static double changedShare(int[] before, BufferedImage image) {
        int[] after = Luma.pixels(image);
        long changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (Luma.maxChannelDelta(before[i], after[i]) > 10) {
                changed++;
            }
        }
        return (double) changed / before.length;
    }

    /** The picture on a canvas with a white border; the picture itself when the border is 0. */
    private static BufferedImage withMargin(BufferedImage picture, int margin) {
        BufferedImage out = new BufferedImage(
                picture.getWidth() + 2 * margin, picture.getHeight() + 2 * margin, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(picture, margin, margin, null);
        g.dispose();
        return out;
    }

    private static BufferedImage copy(BufferedImage source) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(source, 0, 0, null);
        return copy;
    }
}
