package app.qrart.engine.repair;

import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.costs.PathCosts.Part;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.verify.CameraCondition;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Paints one rung of the ladder on the image as the previous rungs left it: the quiet band,
 * wrong function-pattern modules, the cheapest wrong data codewords ({@link RepairPlan}) and, on
 * camera rungs, what the modelled camera still misreads ({@link CameraPlan}). Every dot goes
 * through the step's {@link Strokes}.
 */
final class StepPainter {

    /** Dot size for timing, alignment and format modules: a little firmer than data dots. */
    private static final double OTHER_FUNCTION_DOT = 0.6;

    /** Grey levels a repaired module is pushed past the picture's own dark/light threshold (pixels already that far are left alone). */
    private static final int CONTRAST_PUSH = 64;

    /** Darkest luminance a dark module's centre is pushed down to. */
    private static final int DARK_TARGET = 45;

    /** Lightest luminance a light module's centre (and the quiet zone) is pushed up to. */
    private static final int LIGHT_TARGET = 215;

    /**
     * Dot sizes, as shares of the module, a module the camera still misreads grows through, one
     * per pass: the first at the centre fix's push past the threshold, the others at the targets.
     */
    private static final List<Double> CAMERA_DOT_SHARES = List.of(0.45, 0.45, 0.6, 0.75, 0.9, 1.0);

    /** Passes of a camera rung, each judging the picture as the previous pass left it. */
    private static final int CAMERA_PASSES = 4;

    private final int quietZoneModules;

    StepPainter(int quietZoneModules) {
        this.quietZoneModules = quietZoneModules;
    }

    /**
     * One step's quiet band, function-pattern and data fixes; returns the modules it touched.
     * {@code grown} holds each module's camera dot so far over the climb ([y + RING][x + RING]).
     */
    int apply(BufferedImage image, Canvas canvas, RepairStep step, int[][] grown, Strokes strokes) {
        QrSymbol symbol = canvas.symbol();
        RepairPlan plan = RepairPlan.of(image, canvas);
        Targets targets = targets(canvas.threshold(), step.fullContrast() ? 255 : CONTRAST_PUSH);
        boolean flatten = step.flatten();
        int touched = restoreQuietBand(image, plan, canvas.grid(), step, targets, strokes);
        touched += paint(
                image,
                strokes,
                plan.finderFixes(step.quietModules() > 1, step.fullContrast()),
                1.0,
                symbol,
                targets,
                flatten);
        double otherShare = Math.max(step.dotShare(), OTHER_FUNCTION_DOT);
        touched += paint(image, strokes, plan.otherFunctionFixes(otherShare), otherShare, symbol, targets, flatten);
        touched += paint(
                image,
                strokes,
                plan.dataFixes(step.headroom(), step.dotShare()),
                step.dotShare(),
                symbol,
                targets,
                flatten);
        if (step.camera() >= 0) {
            touched += cameraFixes(image, canvas, step, targets, grown, strokes);
        }
        return touched;
    }

    /**
     * Every module and the whole quiet zone at the configured targets, so only the picture's hues
     * and textures beyond the targets remain; returns the modules it touched.
     */
    int repaintWhole(BufferedImage image, Canvas canvas) {
        QrSymbol symbol = canvas.symbol();
        int quiet = quietZoneModules;
        int touched = 0;
        for (int y = -quiet; y < symbol.width() + quiet; y++) {
            for (int x = -quiet; x < symbol.width() + quiet; x++) {
                boolean inside = x >= 0 && y >= 0 && x < symbol.width() && y < symbol.width();
                if (canvas.grid()
                        .paint(image, x, y, 1.0, inside && symbol.dark(x, y), DARK_TARGET, LIGHT_TARGET, true)) {
                    touched++;
                }
            }
        }
        return touched;
    }

    /**
     * Passes of camera fixes ({@link CameraPlan}): each judges the picture as the previous pass
     * left it, and a module still misread grows to its next dot (the first at the centre push,
     * then at the dark and light targets), so each module gets the least that reads.
     */
    private int cameraFixes(
            BufferedImage image, Canvas canvas, RepairStep step, Targets pushed, int[][] grown, Strokes strokes) {
        List<Double> shares = CAMERA_DOT_SHARES;
        Targets configured = new Targets(DARK_TARGET, LIGHT_TARGET);
        int touched = 0;
        for (int pass = 0; pass < CAMERA_PASSES; pass++) {
            CameraPlan plan = PathCosts.time(
                    Part.PLAN,
                    () -> new CameraPlan(
                            image,
                            canvas.symbol(),
                            canvas.grid(),
                            canvas.layout(),
                            (int) Math.round(canvas.grid().modulePixels()),
                            CameraCondition.modelledConditions()));
            boolean grew = false;
            for (int[] m : plan.modules(step.camera(), step.quietModules())) {
                int level = grown[m[1] + CameraPlan.RING][m[0] + CameraPlan.RING]++;
                if (level >= shares.size()) {
                    continue;
                }
                grew = true;
                Targets targets = level == 0 ? pushed : configured;
                if (strokes.paint(
                        image,
                        m[0],
                        m[1],
                        shares.get(level),
                        plan.dark(m[0], m[1]),
                        targets.dark(),
                        targets.light(),
                        step.flatten())) {
                    touched++;
                }
            }
            if (!grew) {
                break;
            }
        }
        return touched;
    }

    private int paint(
            BufferedImage image,
            Strokes strokes,
            List<int[]> modules,
            double share,
            QrSymbol symbol,
            Targets targets,
            boolean flatten) {
        int touched = 0;
        for (int[] m : modules) {
            if (strokes.paint(
                    image, m[0], m[1], share, symbol.dark(m[0], m[1]), targets.dark(), targets.light(), flatten)) {
                touched++;
            }
        }
        return touched;
    }

    /**
     * Lightens the quiet-zone modules around the symbol that are not clearly light: beside the
     * finders (what detectors need) for a one-module band, all round for a wider one, and every
     * one of them in the last step (a patchy quiet zone shows detectors finder-like shapes).
     */
    private int restoreQuietBand(
            BufferedImage image, RepairPlan plan, ModuleGrid grid, RepairStep step, Targets targets, Strokes strokes) {
        int band = step.quietModules();
        int touched = 0;
        int width = grid.width();
        for (int y = -band; y < width + band; y++) {
            for (int x = -band; x < width + band; x++) {
                boolean inside = x >= 0 && y >= 0 && x < width && y < width;
                boolean needed = band > 1 || RepairPlan.nearFinder(x, y, width);
                if (!inside
                        && needed
                        && (step.fullContrast() || !plan.quiet(x, y))
                        && strokes.paint(image, x, y, 1.0, false, targets.dark(), targets.light(), step.flatten())) {
                    touched++;
                }
            }
        }
        return touched;
    }

    /** Grey levels dark and light dots are painted at. */
    private record Targets(int dark, int light) {}

    /**
     * Dots pushed this far past the picture's own threshold, never beyond the configured dark and
     * light targets.
     */
    private Targets targets(int threshold, int push) {
        return new Targets(Math.max(DARK_TARGET, threshold - push), Math.min(LIGHT_TARGET, threshold + push));
    }
}
