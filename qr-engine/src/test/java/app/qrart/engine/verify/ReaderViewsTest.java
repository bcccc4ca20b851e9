package app.qrart.engine.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.image.AreaScale;
import app.qrart.engine.testing.QrParts;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderViewsTest {

    @Test
    void aFrameReadAsItIsNeedsNoOtherView() {
        List<Integer> widths = new ArrayList<>();
        assertTrue(new ReaderViews(blank(300, 300)).anyReads(view -> widths.add(view.getWidth())));
        assertEquals(List.of(300), widths);
    }

    @Test
    void aSmallFrameIsEnlargedAndALargeOneHalvedWhileItKeepsTheSmallestSide() {
        assertEquals(List.of(300, 600), widthsTried(300));
        assertEquals(List.of(900, 450, 225), widthsTried(900));
        assertEquals(List.of(400, 200), widthsTried(400));
    }

    @Test
    void halvingAveragesEachTwoByTwoBlockPerChannel() {
        BufferedImage frame = blank(4, 2);
        frame.setRGB(0, 0, 0xff0000);
        frame.setRGB(1, 0, 0x00ff00);
        frame.setRGB(0, 1, 0x0000ff);
        frame.setRGB(1, 1, 0xffffff);
        frame.setRGB(2, 0, 0x101010);
        frame.setRGB(3, 0, 0x101010);
        frame.setRGB(2, 1, 0x303030);
        frame.setRGB(3, 1, 0x303030);
        BufferedImage half = ReaderViews.halved(frame);
        assertEquals(2, half.getWidth());
        assertEquals(1, half.getHeight());
        assertEquals(0x808080, half.getRGB(0, 0) & 0xffffff);
        assertEquals(0x202020, half.getRGB(1, 0) & 0xffffff);
    }

    @Test
    void aTinyCodeBoofCvMissesAtItsSizeReadsEnlarged() {
        QrEncoder encoder = QrParts.encoder(10);
        String content = "https://example.com/robust";
        QrSymbol symbol = encoder.encode(content);
        BufferedImage code = encoder.render(symbol, 512);
        BufferedImage tiny = AreaScale.shrink(code, 1.6 / encoder.modulePixels(symbol, 512));
        assertFalse(BoofQrDecoder.decode(tiny).isPresent(), "BoofCV reads it at 1.6 px per module");
        assertTrue(new ReaderViews(tiny)
                .anyReads(view ->
                        BoofQrDecoder.decode(view).filter(content::equals).isPresent()));
    }

    private static List<Integer> widthsTried(int side) {
        List<Integer> widths = new ArrayList<>();
        assertFalse(new ReaderViews(blank(side, side)).anyReads(view -> !widths.add(view.getWidth())));
        return widths;
    }

    private static BufferedImage blank(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }
}
