package app.qrart.engine.locate;

import app.qrart.engine.analysis.LumaPlane;
import app.qrart.engine.analysis.ModuleGrid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds an upright code that detectors missed (finders drawn as art, broken separators): tries
 * each candidate symbol width at every module size with the code centred, keeps the sizes whose
 * finder, separator and timing modules show the most contrast, then refines position and size
 * pixel by pixel around them.
 */
final class GridSearch {

    /** Module disagreement below which a detector's grid is trusted without searching. */
    static final double GOOD_ENOUGH = 0.2;

    private static final double SMALLEST_SHARE = 0.45;
    private static final double SIZE_STEP = 0.25;
    private static final int KEEP = 3;

    private GridSearch() {}

    private record Guess(double x0, double y0, double module, double score) {}

    static List<SymbolLocator.Candidate> axisAligned(LumaPlane plane, List<Integer> widths) {
        List<SymbolLocator.Candidate> out = new ArrayList<>();
        for (int width : widths) {
            int[][] pattern = functionPattern(width);
            List<Guess> coarse = new ArrayList<>();
            double side = Math.min(plane.width(), plane.height());
            for (double module = side / width; module >= SMALLEST_SHARE * side / width; module -= SIZE_STEP) {
                double x0 = (plane.width() - module * width) / 2;
                double y0 = (plane.height() - module * width) / 2;
                coarse.add(new Guess(x0, y0, module, contrast(plane, pattern, x0, y0, module)));
            }
            coarse.stream()
                    .sorted(Comparator.comparingDouble(Guess::score).reversed())
                    .limit(KEEP)
                    .map(guess -> refine(plane, pattern, guess))
                    .max(Comparator.comparingDouble(Guess::score))
                    .ifPresent(g -> out.add(new SymbolLocator.Candidate(
                            ModuleGrid.axisAligned(g.x0(), g.y0(), g.module(), width), "search")));
        }
        return out;
    }

    private static Guess refine(LumaPlane plane, int[][] pattern, Guess start) {
        Guess best = start;
        int reach = (int) Math.ceil(start.module() / 2);
        for (double module = start.module() - 2 * SIZE_STEP;
                module <= start.module() + 2 * SIZE_STEP;
                module += SIZE_STEP) {
            for (int dy = -reach; dy <= reach; dy++) {
                for (int dx = -reach; dx <= reach; dx++) {
                    double x0 = start.x0() + dx;
                    double y0 = start.y0() + dy;
                    double score = contrast(plane, pattern, x0, y0, module);
                    if (score > best.score()) {
                        best = new Guess(x0, y0, module, score);
                    }
                }
            }
        }
        return best;
    }

    /** Mean luma of modules meant light minus that of modules meant dark, over the pattern. */
    private static double contrast(LumaPlane plane, int[][] pattern, double x0, double y0, double module) {
        double light = 0;
        double dark = 0;
        int lightCount = 0;
        int darkCount = 0;
        for (int[] m : pattern) {
            int ax = (int) (x0 + (m[0] + 1.0 / 3) * module);
            int ay = (int) (y0 + (m[1] + 1.0 / 3) * module);
            int bx = (int) (x0 + (m[0] + 2.0 / 3) * module);
            int by = (int) (y0 + (m[1] + 2.0 / 3) * module);
            double v = plane.boxMean(ax, ay, bx, by);
            if (m[2] == 1) {
                dark += v;
                darkCount++;
            } else {
                light += v;
                lightCount++;
            }
        }
        return light / lightCount - dark / darkCount;
    }

    /** Finder, separator and timing modules of a symbol of this width: {x, y, dark ? 1 : 0}. */
    static int[][] functionPattern(int width) {
        List<int[]> modules = new ArrayList<>();
        for (int[] origin : new int[][] {{0, 0}, {width - 7, 0}, {0, width - 7}}) {
            for (int y = -1; y <= 7; y++) {
                for (int x = -1; x <= 7; x++) {
                    int mx = origin[0] + x;
                    int my = origin[1] + y;
                    if (mx >= 0 && my >= 0 && mx < width && my < width) {
                        modules.add(new int[] {mx, my, finderDark(x, y) ? 1 : 0});
                    }
                }
            }
        }
        for (int i = 8; i < width - 8; i++) {
            modules.add(new int[] {i, 6, i % 2 == 0 ? 1 : 0});
            modules.add(new int[] {6, i, i % 2 == 0 ? 1 : 0});
        }
        return modules.toArray(int[][]::new);
    }

    private static boolean finderDark(int x, int y) {
        if (x < 0 || y < 0 || x > 6 || y > 6) {
            return false;
        }
        int ring = Math.min(Math.min(x, y), Math.min(6 - x, 6 - y));
        return ring != 1;
    }
}
