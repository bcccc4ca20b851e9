package app.qrart.engine.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.analysis.CodewordLayout;
import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrParts;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repair plan fixes only as many wrong codewords per block as the requested EC headroom needs. */
class RepairPlanTest {

    private final QrEncoder encoder = QrParts.encoder(40);

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 0.5, 1.0})
    void fixesTheCheapestWrongCodewordsUntilTheBlockKeepsItsHeadroom(double headroom) {
        QrSymbol symbol = encoder.encode("https://qr.art/plan?id=7");
        BufferedImage image = encoder.render(symbol, 400);
        ModuleGrid grid = ModuleGrid.of(image, symbol, encoder);
        CodewordLayout layout =
                new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
        CodewordLayout.Block block = layout.blocks().get(0);
        int corrupted = block.correctable();
        for (int i = 0; i < corrupted; i++) {
            int[] modules = layout.modulesOf(block.codewords().get(i));
            for (int m = 0; m < cost(i); m++) {
                grid.paint(
                        image,
                        modules[2 * m],
                        modules[2 * m + 1],
                        1.0,
                        !symbol.dark(modules[2 * m], modules[2 * m + 1]),
                        0,
                        255,
                        true);
            }
        }
        RepairPlan plan = new RepairPlan(image, symbol, grid, 128, 24, 16);
        List<int[]> fixes = plan.dataFixes(headroom, 0.45);
        Set<Integer> fixedCodewords = new HashSet<>();
        for (int[] m : fixes) {
            for (int c : block.codewords()) {
                int[] modules = layout.modulesOf(c);
                for (int k = 0; k < modules.length; k += 2) {
                    if (modules[k] == m[0] && modules[k + 1] == m[1]) {
                        fixedCodewords.add(c);
                    }
                }
            }
        }
        int allowed = (int) Math.floor((1 - headroom) * block.correctable());
        assertEquals(corrupted - allowed, fixedCodewords.size());
        int dearestFixed = fixedCodewords.stream()
                .mapToInt(c -> cost(block.codewords().indexOf(c)))
                .max()
                .orElse(0);
        for (int i = 0; i < corrupted; i++) {
            if (!fixedCodewords.contains(block.codewords().get(i))) {
                assertTrue(cost(i) >= dearestFixed, "a dearer codeword was fixed before codeword " + i);
            }
        }
    }

    @Test
    void onceEveryFunctionModuleIsJudgedALightSeamInsideAFinderNeedsFixing() {
        QrSymbol symbol = encoder.encode("https://qr.art/plan?id=7");
        BufferedImage image = encoder.render(symbol, 400);
        ModuleGrid grid = ModuleGrid.of(image, symbol, encoder);
        assertTrue(new RepairPlan(image, symbol, grid, 128, 24, 16)
                .finderFixes(true, false)
                .isEmpty());
        // The last pixel column of the finder's centre module (3, 3), where it meets the dark module (4, 3).
        double[] edge = grid.pixel(3.99, 3.5);
        for (int dy = -1; dy <= 1; dy++) {
            image.setRGB((int) edge[0], (int) edge[1] + dy, 0xffffff);
        }
        List<int[]> fixes = new RepairPlan(image, symbol, grid, 128, 24, 16).finderFixes(true, false);
        assertTrue(
                fixes.stream().anyMatch(m -> m[0] == 3 && m[1] == 3),
                "a speck between two dark finder modules breaks the run");
    }

    @Test
    void aQuietModuleBesideAFinderThatIsOnlyJustLightIsNotQuiet() {
        QrSymbol symbol = encoder.encode("https://qr.art/plan?id=7");
        BufferedImage image = encoder.render(symbol, 400);
        ModuleGrid grid = ModuleGrid.of(image, symbol, encoder);
        assertTrue(new RepairPlan(image, symbol, grid, 128, 24, 16).quiet(-1, 3));
        // The quiet module left of the finder's middle row, a few levels above the threshold.
        double[] from = grid.pixel(-1, 3);
        double[] to = grid.pixel(0, 4);
        int grey = 136;
        for (int y = (int) Math.ceil(from[1]); y < to[1]; y++) {
            for (int x = (int) Math.ceil(from[0]); x < to[0]; x++) {
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        assertTrue(new RepairPlan(image, symbol, grid, 128, 24, 0).quiet(-1, 3), "light to a threshold alone");
        assertFalse(new RepairPlan(image, symbol, grid, 128, 24, 16).quiet(-1, 3), "not clear of it by the margin");
    }

    /** How many modules of the block's i-th codeword the test turns wrong. */
    private static int cost(int i) {
        return i % 8 + 1;
    }
}
