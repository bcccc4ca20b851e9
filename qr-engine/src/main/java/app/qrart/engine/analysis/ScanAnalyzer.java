package app.qrart.engine.analysis;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Samples each module of an image where the symbol was drawn ({@link ModuleGrid#centreLuma}, dark
 * below the two-means split of the symbol's module lumas) and compares it with the intended matrix: function patterns, quiet zone, and
 * codewords per Reed-Solomon block.
 */
public class ScanAnalyzer {

    private final QrEncoder encoder;

    public ScanAnalyzer(QrEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Analyses a generated image, laid out as QrEncoder.render draws the symbol; the dark/light
     * split is the picture's own, as for a picture that may not draw the code ({@link LumaPlane#threshold}).
     */
    public ScanAnalysis analyse(BufferedImage image, QrSymbol symbol) {
        return analyse(image, symbol, ModuleGrid.of(image, symbol, encoder), LumaPlane::threshold);
    }

    /**
     * Analyses a code located in a picture, on its grid; the dark/light split is the picture's own,
     * as for a drawn code ({@link LumaPlane#drawnCodeThreshold}: the split it was located and repaired by).
     */
    public ScanAnalysis analyse(BufferedImage image, QrSymbol symbol, ModuleGrid grid) {
        return analyse(image, symbol, grid, LumaPlane::drawnCodeThreshold);
    }

    private ScanAnalysis analyse(BufferedImage image, QrSymbol symbol, ModuleGrid grid, ToIntFunction<int[][]> split) {
        int width = symbol.width();
        int quiet = encoder.quietZoneModules();
        boolean[][] seen = seen(image, grid, width, quiet, split);
        CodewordLayout layout = layout(symbol);

        int functionErrors = 0;
        int functionModules = 0;
        int quietErrors = 0;
        int quietModules = 0;
        for (int y = -quiet; y < width + quiet; y++) {
            for (int x = -quiet; x < width + quiet; x++) {
                boolean dark = seen[y + quiet][x + quiet];
                boolean inside = x >= 0 && y >= 0 && x < width && y < width;
                if (!inside) {
                    quietModules++;
                    quietErrors += dark ? 1 : 0;
                } else if (layout.isFunction(x, y)) {
                    functionModules++;
                    functionErrors += dark != symbol.dark(x, y) ? 1 : 0;
                }
            }
        }
        boolean[] wrongCodeword = new boolean[layout.codewords()];
        for (int i = 0; i < layout.codewords(); i++) {
            int[] modules = layout.modulesOf(i);
            for (int m = 0; m < modules.length; m += 2) {
                int x = modules[m];
                int y = modules[m + 1];
                wrongCodeword[i] |= seen[y + quiet][x + quiet] != symbol.dark(x, y);
            }
        }
        List<ScanAnalysis.BlockErrors> blocks = new ArrayList<>();
        double worst = 0;
        for (CodewordLayout.Block block : layout.blocks()) {
            int errors = (int)
                    block.codewords().stream().filter(i -> wrongCodeword[i]).count();
            blocks.add(new ScanAnalysis.BlockErrors(errors, block.correctable()));
            worst = Math.max(worst, (double) errors / block.correctable());
        }
        return new ScanAnalysis(functionErrors, functionModules, quietErrors, quietModules, blocks, 1 - worst);
    }

    /**
     * How far a picture is from showing the symbol, laid out as {@link QrEncoder#render} draws it:
     * the summed luma distance to the picture's own dark/light split of every module seen on the
     * wrong side (0: the picture already shows the symbol).
     */
    public long distance(BufferedImage image, QrSymbol symbol) {
        ModuleGrid grid = ModuleGrid.of(image, symbol, encoder);
        LumaPlane plane = LumaPlane.of(image);
        int[][] luma = plane.modules(grid);
        int threshold = LumaPlane.threshold(luma);
        long distance = 0;
        for (int y = 0; y < symbol.width(); y++) {
            for (int x = 0; x < symbol.width(); x++) {
                int centre = grid.centreLuma(plane, x, y);
                if ((centre < threshold) != symbol.dark(x, y)) {
                    distance += Math.abs(centre - threshold) + 1;
                }
            }
        }
        return distance;
    }

    /** Every module (quiet zone included) a reader sees wrong in a code located in a picture, on its grid. */
    public ModuleMap moduleMap(BufferedImage image, QrSymbol symbol, ModuleGrid grid) {
        int width = symbol.width();
        int quiet = encoder.quietZoneModules();
        boolean[][] seen = seen(image, grid, width, quiet, LumaPlane::drawnCodeThreshold);
        CodewordLayout layout = layout(symbol);
        Version version = Version.getVersionForNumber(symbol.version());
        List<ModuleMap.WrongModule> wrong = new ArrayList<>();
        Map<ModuleKind, Integer> wrongByKind = new EnumMap<>(ModuleKind.class);
        Map<ModuleKind, Integer> modulesByKind = new EnumMap<>(ModuleKind.class);
        for (int y = -quiet; y < width + quiet; y++) {
            for (int x = -quiet; x < width + quiet; x++) {
                ModuleKind kind = ModuleKind.of(x, y, version, layout);
                boolean inside = kind != ModuleKind.QUIET_ZONE;
                boolean shouldBeDark = inside && symbol.dark(x, y);
                modulesByKind.merge(kind, 1, Integer::sum);
                if (seen[y + quiet][x + quiet] != shouldBeDark) {
                    wrongByKind.merge(kind, 1, Integer::sum);
                    wrong.add(new ModuleMap.WrongModule(x, y, kind, shouldBeDark, outline(grid, x, y)));
                }
            }
        }
        ScanAnalysis analysis = analyse(image, symbol, grid);
        return new ModuleMap(width, quiet, wrong, wrongByKind, modulesByKind, analysis.blocks(), analysis.ecHeadroom());
    }

    private static double[] outline(ModuleGrid grid, int x, int y) {
        double[] out = new double[8];
        int[][] corners = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (int i = 0; i < 4; i++) {
            double[] p = grid.pixel(x + corners[i][0], y + corners[i][1]);
            out[2 * i] = Math.round(p[0] * 10) / 10.0;
            out[2 * i + 1] = Math.round(p[1] * 10) / 10.0;
        }
        return out;
    }

    private static CodewordLayout layout(QrSymbol symbol) {
        return new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
    }

    /** Dark or light as a located reader samples each module, quiet zone included ([y][x], offset by it). */
    private static boolean[][] seen(
            BufferedImage image, ModuleGrid grid, int width, int quiet, ToIntFunction<int[][]> split) {
        LumaPlane plane = LumaPlane.of(image);
        int threshold = split.applyAsInt(plane.modules(grid));
        boolean[][] seen = new boolean[width + 2 * quiet][width + 2 * quiet];
        for (int y = -quiet; y < width + quiet; y++) {
            for (int x = -quiet; x < width + quiet; x++) {
                seen[y + quiet][x + quiet] = grid.centreLuma(plane, x, y) < threshold;
            }
        }
        return seen;
    }
}
