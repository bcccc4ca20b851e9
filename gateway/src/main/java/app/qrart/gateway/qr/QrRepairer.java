package app.qrart.gateway.qr;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a picture read as its QR symbol by changing as little as it can. Steps, each tried on a
 * fresh copy and checked with both decoders, the first that reads kept (later steps only add):
 * lighten the quiet-zone modules next to the symbol that are dark or ambiguous, restore wrong
 * function-pattern modules, and push the centres of wrong or ambiguous data modules across the
 * threshold as round dots (hue kept, edges faded), only as many codewords per Reed-Solomon block
 * as the step's EC headroom needs ({@link RepairPlan}). Headroom grows first, then the dot, then
 * the quiet band; a step past the footprint cap ends the repair as failed.
 */
@ApplicationScoped
public class QrRepairer {

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final QrConfig qr;
    private final ScanConfig scan;

    /** Smallest border, in pixels, that lets a detector see a finder pattern's outer edge. */
    private static final int MIN_MARGIN = 2;

    public QrRepairer(QrEncoder encoder, QrVerifier verifier, QrConfig qr, ScanConfig scan) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.qr = qr;
        this.scan = scan;
    }

    /**
     * What a repair did; `image` is null when no repair within the cap makes it scan. `margin` is
     * the light border, in pixels per side, added around a picture whose code reaches its edges
     * (the image is then that much larger; the border counts as changed pixels).
     */
    public record Repair(BufferedImage image, int modulesTouched, double pixelsChangedShare, int margin) {

        public Repair(BufferedImage image, int modulesTouched, double pixelsChangedShare) {
            this(image, modulesTouched, pixelsChangedShare, 0);
        }
    }

    private record Step(double headroom, double dotShare, int quietModules, boolean fullContrast) {
    }

    /** Repairs a generated image, laid out as QrEncoder.render draws the symbol. */
    public Repair repair(BufferedImage original, QrSymbol symbol) {
        return repair(original, symbol, ModuleGrid.of(original, symbol, encoder));
    }

    /** Repairs a picture whose code sits on the given grid (a located code, possibly tilted). */
    public Repair repair(BufferedImage picture, QrSymbol symbol, ModuleGrid located) {
        int margin = located.quietRingOffImage(picture.getWidth(), picture.getHeight())
                ? (int) Math.max(MIN_MARGIN, Math.round(located.modulePixels() / 4)) : 0;
        BufferedImage original = withMargin(picture, margin);
        ModuleGrid grid = located.shifted(margin, margin);
        LumaPlane plane = LumaPlane.of(original);
        RepairPlan plan = new RepairPlan(plane, symbol, grid, scan.ambiguityMargin());
        double marginShare = 1 - (double) picture.getWidth() * picture.getHeight()
                / ((long) original.getWidth() * original.getHeight());
        for (Step step : steps()) {
            BufferedImage image = copy(original);
            int push = step.fullContrast() ? 255 : scan.contrastPush();
            int touched = restoreQuietBand(image, plan, grid, step.quietModules(), push);
            touched += paint(image, grid, plan.functionFixes(), 1.0, symbol, plan.threshold(), push);
            touched += paint(image, grid, plan.dataFixes(step.headroom(), step.dotShare()), step.dotShare(), symbol,
                    plan.threshold(), push);
            double changed = marginShare + changedShare(original, image);
            if (changed > scan.maxPixelsChanged()) {
                break;
            }
            if (verifier.readsExactly(image, symbol.content())) {
                return new Repair(image, touched, changed, margin);
            }
        }
        return new Repair(null, 0, 0);
    }

    /**
     * Headroom steps at the smallest dot and a one-module quiet band, then larger dots, then the
     * whole quiet zone, last at the configured dark and light targets rather than just past the
     * picture's own threshold.
     */
    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        double smallest = scan.dotShares().get(0);
        for (double headroom : scan.repairHeadroom()) {
            steps.add(new Step(headroom, smallest, 1, false));
        }
        double full = scan.repairHeadroom().get(scan.repairHeadroom().size() - 1);
        for (double share : scan.dotShares().subList(1, scan.dotShares().size())) {
            steps.add(new Step(full, share, 1, false));
        }
        steps.add(new Step(full, 1.0, qr.quietZoneModules(), false));
        steps.add(new Step(full, 1.0, qr.quietZoneModules(), true));
        return steps;
    }

    private int paint(BufferedImage image, ModuleGrid grid, List<int[]> modules, double share, QrSymbol symbol,
            int threshold, int push) {
        int darkTarget = darkTarget(threshold, push);
        int lightTarget = lightTarget(threshold, push);
        int touched = 0;
        for (int[] m : modules) {
            if (grid.paint(image, m[0], m[1], share, symbol.dark(m[0], m[1]), darkTarget, lightTarget)) {
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

    /** Lightens the band of quiet-zone modules around the symbol that are not clearly light. */
    private int restoreQuietBand(BufferedImage image, RepairPlan plan, ModuleGrid grid, int band, int push) {
        int darkTarget = darkTarget(plan.threshold(), push);
        int lightTarget = lightTarget(plan.threshold(), push);
        int touched = 0;
        int width = grid.width();
        for (int y = -band; y < width + band; y++) {
            for (int x = -band; x < width + band; x++) {
                boolean inside = x >= 0 && y >= 0 && x < width && y < width;
                if (!inside && !plan.clean(x, y, false)
                        && grid.paint(image, x, y, 1.0, false, darkTarget, lightTarget)) {
                    touched++;
                }
            }
        }
        return touched;
    }

    private static double changedShare(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        int[] before = a.getRGB(0, 0, w, h, null, 0, w);
        int[] after = b.getRGB(0, 0, w, h, null, 0, w);
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
        BufferedImage out = new BufferedImage(picture.getWidth() + 2 * margin, picture.getHeight() + 2 * margin,
                BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
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
