package app.qrart.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrImages;
import app.qrart.engine.testing.QrParts;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module analysis against the intended symbol: a clean render has no errors; damage lands in
 * the part it was done to; and the EC headroom predicts what a decoder can read.
 */
class ScanAnalyzerTest {

    private static final String CONTENT = "https://qr.art/analysis?id=0042";
    private final QrEncoder encoder = QrParts.encoder(10);
    private final ScanAnalyzer analyzer = new ScanAnalyzer(encoder);

    private int module(QrSymbol symbol) {
        return encoder.modulePixels(symbol, 512);
    }

    /** Paints module (x, y) of the symbol (quiet zone outside 0..width) the opposite of what it is. */
    private void flip(BufferedImage image, QrSymbol symbol, int x, int y) {
        boolean inside = x >= 0 && y >= 0 && x < symbol.width() && y < symbol.width();
        fill(image, symbol, x, y, inside && symbol.dark(x, y) ? 255 : 0);
    }

    /** Paints module (x, y) of the symbol (quiet zone outside 0..width) in one grey level. */
    private void fill(BufferedImage image, QrSymbol symbol, int x, int y, int grey) {
        int module = module(symbol);
        int origin = (512 - module * symbol.width()) / 2;
        for (int py = 0; py < module; py++) {
            for (int px = 0; px < module; px++) {
                image.setRGB(origin + x * module + px, origin + y * module + py, grey << 16 | grey << 8 | grey);
            }
        }
    }

    @Test
    void aCleanRenderHasNoErrorsAnywhereAndFullHeadroom() {
        QrSymbol symbol = encoder.encode(CONTENT);
        ScanAnalysis analysis = analyzer.analyse(encoder.render(symbol, 512), symbol);
        assertEquals(0, analysis.functionModuleErrors());
        assertEquals(0, analysis.quietZoneErrors());
        assertTrue(analysis.blocks().stream().allMatch(b -> b.errors() == 0));
        assertEquals(1.0, analysis.ecHeadroom());
        Version.ECBlocks ec = Version.getVersionForNumber(symbol.version()).getECBlocksForLevel(ErrorCorrectionLevel.H);
        assertEquals(ec.getNumBlocks(), analysis.blocks().size());
        assertEquals(ec.getECCodewordsPerBlock() / 2, analysis.blocks().get(0).correctable());
    }

    @Test
    void aLocatedCodeIsAnalysedWithTheSplitItWasLocatedBy() {
        QrSymbol symbol = encoder.encode(CONTENT);
        BufferedImage image = encoder.render(symbol, 512);
        ModuleGrid grid = ModuleGrid.of(image, symbol, encoder);
        // A textured dark class (half its modules at 60, half at 130) beside light modules at 220.
        for (int y = 0; y < symbol.width(); y++) {
            for (int x = 0; x < symbol.width(); x++) {
                fill(image, symbol, x, y, symbol.dark(x, y) ? ((x + y) % 2 == 0 ? 60 : 130) : 220);
            }
        }
        ScanAnalysis located = analyzer.analyse(image, symbol, grid);
        assertEquals(0, located.functionModuleErrors());
        assertEquals(1.0, located.ecHeadroom());
        assertTrue(analyzer.moduleMap(image, symbol, grid).wrong().isEmpty());
        ScanAnalysis generated = analyzer.analyse(image, symbol);
        assertTrue(generated.ecHeadroom() < 0, "from mid-grey the split falls inside the dark class");
    }

    @Test
    void damageIsCountedWhereItWasDone() {
        QrSymbol symbol = encoder.encode(CONTENT);
        BufferedImage image = encoder.render(symbol, 512);
        flip(image, symbol, 3, 3); // inside the top-left finder
        flip(image, symbol, 6, 12); // the vertical timing pattern
        flip(image, symbol, -2, 10); // quiet zone
        flip(image, symbol, -1, 20);
        ScanAnalysis analysis = analyzer.analyse(image, symbol);
        assertEquals(2, analysis.functionModuleErrors());
        assertEquals(2, analysis.quietZoneErrors());
        assertEquals(1.0, analysis.ecHeadroom(), "no data codeword touched");
    }

    @Test
    void codewordModulesCoverExactlyTheNonFunctionModulesOnce() {
        for (int v : List.of(1, 2, 7, 10, 25, 40)) {
            Version version = Version.getVersionForNumber(v);
            CodewordLayout layout = new CodewordLayout(v, ErrorCorrectionLevel.H);
            int size = version.getDimensionForVersion();
            int[][] hits = new int[size][size];
            for (int i = 0; i < layout.codewords(); i++) {
                int[] modules = layout.modulesOf(i);
                for (int m = 0; m < modules.length; m += 2) {
                    hits[modules[m + 1]][modules[m]]++;
                }
            }
            int free = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    assertTrue(hits[y][x] <= 1 && (hits[y][x] == 0 || !layout.isFunction(x, y)), "v" + v);
                    free += layout.isFunction(x, y) ? 0 : 1;
                }
            }
            assertEquals(version.getTotalCodewords(), layout.codewords());
            assertTrue(free - 8 * layout.codewords() < 8, "only the remainder bits are left over, v" + v);
            int inBlocks =
                    layout.blocks().stream().mapToInt(b -> b.codewords().size()).sum();
            assertEquals(version.getTotalCodewords(), inBlocks, "v" + v);
        }
    }

    /** Wipes whole codewords of one block: within its correction capacity it reads, beyond it does not. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void headroomPredictsWhetherZxingCanRead(int seed) {
        QrSymbol symbol = encoder.encode(CONTENT);
        CodewordLayout layout = new CodewordLayout(symbol.version(), ErrorCorrectionLevel.H);
        CodewordLayout.Block block =
                layout.blocks().get(new Random(seed).nextInt(layout.blocks().size()));
        for (int wiped : new int[] {block.correctable(), block.correctable() + 2}) {
            BufferedImage image = encoder.render(symbol, 512);
            for (int k = 0; k < wiped; k++) {
                int[] modules = layout.modulesOf(block.codewords().get(k));
                flip(image, symbol, modules[0], modules[1]);
            }
            ScanAnalysis analysis = analyzer.analyse(image, symbol);
            if (wiped <= block.correctable()) {
                assertEquals(0.0, analysis.ecHeadroom(), 1e-9);
                assertEquals(CONTENT, QrImages.decode(image));
            } else {
                assertTrue(analysis.ecHeadroom() < 0);
                assertNull(QrImages.decode(image));
            }
        }
    }
}
