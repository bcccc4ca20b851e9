package app.qrart.gateway.qr.analysis;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.qr.encode.QrEncoder;
import app.qrart.gateway.qr.encode.QrSymbol;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples each module of an image where the symbol was drawn ({@link ModuleGrid#centreLuma}, dark
 * below the two-means split of the symbol's module lumas) and compares it with the intended matrix: function patterns, quiet zone, and
 * codewords per Reed-Solomon block.
 */
@ApplicationScoped
public class ScanAnalyzer {

    private final QrEncoder encoder;
    private final QrConfig config;

    public ScanAnalyzer(QrEncoder encoder, QrConfig config) {
        this.encoder = encoder;
        this.config = config;
    }

    /** Analyses a generated image, laid out as QrEncoder.render draws the symbol. */
    public ScanAnalysis analyse(BufferedImage image, QrSymbol symbol) {
        return analyse(image, symbol, ModuleGrid.of(image, symbol, encoder));
    }

    /** Analyses a picture whose code sits on the given grid; the dark/light split is the picture's own. */
    public ScanAnalysis analyse(BufferedImage image, QrSymbol symbol, ModuleGrid grid) {
        int width = symbol.width();
        int quiet = config.quietZoneModules();
        LumaPlane plane = LumaPlane.of(image);
        int threshold = LumaPlane.threshold(plane.modules(grid));
        boolean[][] seen = new boolean[width + 2 * quiet][width + 2 * quiet];
        for (int y = -quiet; y < width + quiet; y++) {
            for (int x = -quiet; x < width + quiet; x++) {
                seen[y + quiet][x + quiet] = grid.centreLuma(plane, x, y) < threshold;
            }
        }
        CodewordLayout layout =
                new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));

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
}
