package app.qrart.engine.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.analysis.CodewordLayout;
import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.CameraCondition;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The camera plan: nothing misread in a plain code; on pictures, the modules it names are the ones to fix. */
class CameraPlanTest {

    private static final List<CameraCondition> CONDITIONS = List.of(
            CameraCondition.DOWNSCALE_3PPM,
            CameraCondition.DOWNSCALE_2PPM,
            CameraCondition.GAUSSIAN_BLUR,
            CameraCondition.PRINT_REPHOTOGRAPH,
            CameraCondition.DOT_GAIN);

    private final QrEncoder encoder = QrParts.encoder(40);
    private final QrSymbol symbol = encoder.encode("https://qr.art/camera-plan?id=1234567");

    @Test
    void aPlainCodeIsReadRightInEveryFrame() {
        BufferedImage image = encoder.render(symbol, 512);
        CameraPlan plan = plan(image);
        assertEquals(1.0, plan.headroom());
        assertTrue(plan.modules(1.0, 2).isEmpty());
    }

    @Test
    void aModuleFlippedInAPlainCodeIsMisreadAndNamed() {
        BufferedImage image = encoder.render(symbol, 512);
        int[] module = dataModule();
        ModuleGrid grid = ModuleGrid.of(image, symbol, encoder);
        grid.paint(image, module[0], module[1], 1.0, !symbol.dark(module[0], module[1]), 0, 255, true);
        CameraPlan plan = plan(image);
        assertEquals(2 * CONDITIONS.size(), plan.misses(module[0], module[1]));
        assertTrue(plan.headroom() < 1.0);
        assertTrue(plan.modules(1.0, 2).stream().anyMatch(m -> m[0] == module[0] && m[1] == module[1]));
        assertTrue(plan.modules(0.0, 2).isEmpty(), "one wrong codeword is within what EC corrects");
    }

    @Test
    void boofcvsViewReadsModulesAgainstTheContrastOfTheFinders() {
        int[] light = lightDataModule();
        BufferedImage shadedBesideFinders = shadedLight(encoder.render(symbol, 512), false);
        BufferedImage shadedEvenly = shadedLight(encoder.render(symbol, 512), true);
        assertTrue(
                plan(shadedBesideFinders).misses(light[0], light[1]) >= CONDITIONS.size(),
                "light modules darker than the finders' midpoint read dark to BoofCV in every frame");
        assertEquals(0, plan(shadedEvenly).misses(light[0], light[1]), "the same shade all over reads right");
    }

    @Test
    void boofcvsThresholdFollowsTheCodesLowerRightBand() {
        BufferedImage greyDark = greyDarkModules(encoder.render(symbol, 512));
        int far = symbol.width() - 1;
        int[] lowerRight = darkDataModuleNear(far - 3, far - 3);
        int[] middle = darkDataModuleNear(far / 2, far / 2);
        CameraPlan plan = plan(greyDark);
        assertEquals(
                0,
                plan.misses(lowerRight[0], lowerRight[1]),
                "grey dark modules in the lower-right band read dark against the band's own mean");
        assertTrue(
                plan.misses(middle[0], middle[1]) >= CONDITIONS.size(),
                "halfway to the finders the threshold is theirs, and grey dark modules read light");
    }

    @ParameterizedTest
    @ValueSource(strings = {"noise", "gradient", "photo"})
    void fixingTheNamedModulesPassByPassBringsEveryBlockWithinWhatItCorrects(String kind) {
        BufferedImage image = QrParts.picture(kind, 3);
        ModuleGrid grid = ModuleGrid.of(image, symbol, encoder);
        double before = plan(image).headroom();
        for (int pass = 0; pass < 3; pass++) {
            CameraPlan plan = plan(image);
            for (int[] m : plan.modules(0.5, 1)) {
                grid.paint(image, m[0], m[1], 1.0, plan.dark(m[0], m[1]), 30, 225, true);
            }
        }
        double after = plan(image).headroom();
        assertTrue(before < 0 && after >= 0, kind + ": " + before + " -> " + after);
    }

    private CameraPlan plan(BufferedImage image) {
        ModuleGrid grid = ModuleGrid.of(image, symbol, encoder);
        CodewordLayout layout =
                new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
        return new CameraPlan(image, symbol, grid, layout, (int) Math.round(grid.modulePixels()), CONDITIONS);
    }

    /**
     * The rendered code with its light modules at grey 110: inside the symbol but outside the
     * finders and their separators, or everywhere (finders and quiet zone too).
     */
    private BufferedImage shadedLight(BufferedImage image, boolean finders) {
        return recoloured(image, 0x6e6e6e, (light, inside, finderZone) -> light && (finders || inside && !finderZone));
    }

    /** A light data module well inside the symbol. */
    private int[] lightDataModule() {
        CodewordLayout layout =
                new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
        for (int codeword = layout.codewords() / 2; ; codeword++) {
            int[] modules = layout.modulesOf(codeword);
            for (int m = 0; m < modules.length; m += 2) {
                if (!symbol.dark(modules[m], modules[m + 1])) {
                    return new int[] {modules[m], modules[m + 1]};
                }
            }
        }
    }

    /** A data module well inside the symbol. */
    private int[] dataModule() {
        CodewordLayout layout =
                new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
        int[] modules = layout.modulesOf(layout.codewords() / 2);
        return new int[] {modules[0], modules[1]};
    }

    /** Dark pixels outside the finders made mid-light grey (160): lighter than the finders' midpoint. */
    private BufferedImage greyDarkModules(BufferedImage image) {
        return recoloured(image, 0xa0a0a0, (light, inside, finderZone) -> !light && !finderZone);
    }

    /** Which pixels {@link #recoloured} paints, by their shade and the module they lie in. */
    private interface PixelRule {
        boolean paints(boolean light, boolean insideSymbol, boolean finderZone);
    }

    /** The image with the pixels the rule names painted in the colour. */
    private BufferedImage recoloured(BufferedImage image, int rgb, PixelRule rule) {
        ModuleGrid grid = ModuleGrid.of(image, symbol, encoder);
        double[] origin = grid.pixel(0, 0);
        double size = grid.modulePixels();
        int width = symbol.width();
        for (int py = 0; py < image.getHeight(); py++) {
            for (int px = 0; px < image.getWidth(); px++) {
                int x = (int) Math.floor((px + 0.5 - origin[0]) / size);
                int y = (int) Math.floor((py + 0.5 - origin[1]) / size);
                boolean inside = x >= 0 && y >= 0 && x < width && y < width;
                boolean finderZone = (x < 8 || x >= width - 8) && (y < 8 || y >= width - 8) && !(x >= 8 && y >= 8);
                if (rule.paints((image.getRGB(px, py) & 0xff) > 128, inside, finderZone)) {
                    image.setRGB(px, py, rgb);
                }
            }
        }
        return image;
    }

    /** The dark data module nearest the given module. */
    private int[] darkDataModuleNear(int x, int y) {
        CodewordLayout layout =
                new CodewordLayout(symbol.version(), ErrorCorrectionLevel.valueOf(symbol.errorCorrection()));
        int[] best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int codeword = 0; codeword < layout.codewords(); codeword++) {
            int[] modules = layout.modulesOf(codeword);
            for (int m = 0; m < modules.length; m += 2) {
                int distance = Math.abs(modules[m] - x) + Math.abs(modules[m + 1] - y);
                if (symbol.dark(modules[m], modules[m + 1]) && distance < bestDistance) {
                    best = new int[] {modules[m], modules[m + 1]};
                    bestDistance = distance;
                }
            }
        }
        return best;
    }
}
