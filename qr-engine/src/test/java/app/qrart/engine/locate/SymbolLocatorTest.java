package app.qrart.engine.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.analysis.CodewordLayout;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.image.Luma;
import app.qrart.engine.image.Perspective;
import app.qrart.engine.repair.Repair;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Repair in place: a code already in a picture is located (tilted, off-centre, edge to edge or
 * unreadable), matched to the exact symbol it was drawn from, and repaired toward it.
 */
class SymbolLocatorTest {

    private static final String CONTENT = "https://qr.art/in-place?id=42";
    private final QrEncoder encoder = QrParts.encoder(40);
    private final QrVerifier verifier = new QrVerifier();

    @Test
    void theSymbolReadFromAPictureIsBitForBitTheOneItWasDrawnFrom() {
        QrSymbol drawn = encoder.encode(CONTENT);
        BufferedImage image = encoder.render(drawn, 400);
        java.util.Optional<com.google.zxing.Result> reading = ReadSymbols.read(image, CONTENT);
        SymbolCandidates candidates = new SymbolCandidates(CONTENT, reading);
        QrSymbol read = ReadSymbols.of(reading, CONTENT, candidates).stream()
                .filter(s -> s.mask() == drawn.mask())
                .findFirst()
                .orElseThrow();
        assertEquals(drawn.modules().toString(), read.modules().toString());
        assertEquals(drawn.errorCorrection(), read.errorCorrection());
    }

    @Test
    void aGridReadWithErrorsWithinCapacityIsCorrectedToTheDrawnSymbol() {
        QrSymbol drawn = encoder.encode(CONTENT);
        int n = drawn.width();
        boolean[][] seen = new boolean[n][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                seen[y][x] = drawn.dark(x, y);
            }
        }
        CodewordLayout layout = new CodewordLayout(
                drawn.version(), com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.valueOf(drawn.errorCorrection()));
        for (CodewordLayout.Block block : layout.blocks()) {
            for (int i = 0; i < block.correctable(); i++) {
                int[] modules = layout.modulesOf(block.codewords().get(2 * i));
                seen[modules[1]][modules[0]] ^= true;
            }
        }
        SymbolCandidates candidates = new SymbolCandidates(CONTENT, java.util.Optional.empty());
        List<QrSymbol> read = ReadSymbols.fromGrid(seen, CONTENT, candidates);
        assertTrue(read.stream()
                .anyMatch(s -> s.modules().toString().equals(drawn.modules().toString())));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 25})
    void aTiltedCodeIsLocatedOnItsModules(int degrees) {
        QrSymbol drawn = encoder.encode(CONTENT);
        BufferedImage image = Perspective.tilt(encoder.render(drawn, 480), degrees);
        SymbolLocator.Located located = SymbolLocator.locate(image, CONTENT).orElseThrow();
        assertEquals(drawn.width(), located.symbol().width());
        assertTrue(located.disagreement() < 0.02, "disagreement " + located.disagreement());
        assertEquals(verifier.readsExactly(image, CONTENT), located.readsUnaided());
    }

    @Test
    void aFadedCodeNoDecoderReadsIsFoundByTheGridSearchAndRepairedInPlace() {
        QrSymbol drawn = encoder.encode(CONTENT);
        BufferedImage image = fadedIntoNoise(encoder.render(drawn, 480), 0.3, 7);
        assertFalse(verifier.readsExactly(image, CONTENT), "precondition: unreadable as it is");
        SymbolLocator.Located located = SymbolLocator.locate(image, CONTENT).orElseThrow();
        assertTrue(located.disagreement() < 0.2, "disagreement " + located.disagreement());
        assertFalse(located.readsUnaided());
        Repair repair = QrParts.repairer(0.75).repair(image, located.symbol(), located.grid());
        assertNotNull(repair.image());
        assertTrue(verifier.readsExactly(repair.image(), CONTENT));
        assertTrue(repair.pixelsChangedShare() < 0.5, "changed " + repair.pixelsChangedShare());
    }

    @Test
    void aCodeDrawnInALightInkIsLocatedOnItsOwnModules() {
        QrSymbol drawn = encoder.encode(CONTENT);
        BufferedImage image = encoder.render(drawn, 480);
        int orange = 0xce7610; // luma about 133: every module sits above mid-grey
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    image.setRGB(x, y, orange);
                }
            }
        }
        SymbolLocator.Located located = SymbolLocator.locate(image, CONTENT).orElseThrow();
        assertEquals(drawn.width(), located.symbol().width());
        assertTrue(located.disagreement() < 0.02, "disagreement " + located.disagreement());
    }

    @Test
    void aCodeThatReachesTheEdgesGetsALightBorderAndReads() {
        QrSymbol drawn = encoder.encode(CONTENT);
        BufferedImage full = encoder.render(drawn, 450);
        int module = encoder.modulePixels(drawn, 450);
        int origin = (450 - module * drawn.width()) / 2;
        BufferedImage edgeToEdge = full.getSubimage(origin, origin, module * drawn.width(), module * drawn.width());
        SymbolLocator.Located located =
                SymbolLocator.locate(edgeToEdge, CONTENT).orElseThrow();
        Repair repair = QrParts.repairer(0.75).repair(edgeToEdge, located.symbol(), located.grid());
        assertNotNull(repair.image());
        assertTrue(repair.margin() >= 2, "margin " + repair.margin());
        assertEquals(edgeToEdge.getWidth() + 2 * repair.margin(), repair.image().getWidth());
        assertTrue(verifier.readsExactly(repair.image(), CONTENT));
        assertTrue(
                repair.pixelsChangedShare() < 0.02,
                "a plain code needs only the border, which is not a change to the picture: "
                        + repair.pixelsChangedShare());
    }

    @Test
    void aFirstReadPastTheInPlaceCapIsPaintedOnlyAsFarAsTheCapAllows() {
        QrSymbol drawn = encoder.encode(CONTENT);
        BufferedImage image = checkered(encoder.render(drawn, 480), 90);
        SymbolLocator.Located located = SymbolLocator.locate(image, CONTENT).orElseThrow();
        // A target the first rung that reads meets: what reading at all costs, its run cut back.
        double firstRead = QrParts.gate(ScanStrength.BALANCED, g -> g.withInPlaceTarget(0.001))
                .inPlace(image, located, ScanStrength.BALANCED)
                .pixelsChangedShare();
        // A cap a little above that cut-back run, below the whole rung, and a target no rung reaches.
        double below = firstRead * 1.05;
        Repair filled = QrParts.gate(
                        ScanStrength.BALANCED, g -> g.withInPlaceTarget(0.995).withInPlaceMaxPixelsChanged(below))
                .inPlace(image, located, ScanStrength.BALANCED);
        String figures =
                "first read %.4f, cap %.4f; filled %.4f".formatted(firstRead, below, filled.pixelsChangedShare());
        System.out.println(figures);
        assertTrue(filled.pixelsChangedShare() <= below + 1e-9, figures);
        assertTrue(verifier.readsExactly(filled.image(), CONTENT));
    }

    @Test
    void aReversedCodeIsLocatedInItsNegativeAndRepairedWithoutChangingItsPolarity() {
        QrSymbol drawn = encoder.encode(CONTENT);
        BufferedImage image = Luma.negative(fadedIntoNoise(encoder.render(drawn, 480), 0.3, 11));
        SymbolLocator.Located located = SymbolLocator.locate(image, CONTENT).orElseThrow();
        assertTrue(located.reversed());
        assertTrue(located.disagreement() < 0.2, "disagreement " + located.disagreement());
        Repair repair = QrParts.repairer(0.75).repair(image, located);
        assertNotNull(repair.image());
        assertTrue(verifier.readsExactly(Luma.negative(repair.image()), CONTENT));
        SymbolLocator.Located after =
                SymbolLocator.locate(repair.image(), CONTENT).orElseThrow();
        assertTrue(after.reversed() && after.readsUnaided(), "still light on dark, and read as such");
        assertTrue(repair.pixelsChangedShare() < 0.5, "changed " + repair.pixelsChangedShare());
    }

    @Test
    void plainAsciiContentIsSearchedAtTheSizeThatNeedsNoEciHeader() throws Exception {
        String ascii = "https://github.com/zhengkyl/fuqr";
        int version = com.google.zxing.qrcode.encoder.Encoder.encode(
                        ascii, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.L)
                .getVersion()
                .getVersionNumber();
        assertEquals(17 + 4 * version, SymbolCandidates.widths(ascii).get(0));
    }

    @Test
    void contentThatFitsNoSymbolIsNotLocated() {
        BufferedImage blank = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        assertTrue(SymbolLocator.locate(blank, "x".repeat(8000)).isEmpty());
    }

    /** The code at the given opacity over colour noise, as an unreadable artistic rendering. */
    static BufferedImage fadedIntoNoise(BufferedImage code, double opacity, long seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                out.setRGB(x, y, Luma.blend(random.nextInt(0x1000000), code.getRGB(x, y), opacity));
            }
        }
        return out;
    }

    /** The code under a fine checkerboard (2 px squares) that moves every pixel by the amplitude. */
    static BufferedImage checkered(BufferedImage code, int amplitude) {
        BufferedImage out = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                int v = code.getRGB(x, y) & 0xff;
                int moved = ((x / 2 + y / 2) % 2 == 0) == v > 127 ? v - amplitude : v + amplitude;
                int g = Math.max(0, Math.min(255, moved));
                out.setRGB(x, y, g * 0x010101);
            }
        }
        return out;
    }
}
