package app.qrart.engine.locate;

import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.image.Luma;
import app.qrart.engine.image.Perspective;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.CameraSimulator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes the synthetic scan fixtures under src/test/resources/scan-fixtures (our own images, so
 * they may live in the repository; the shared benchmark's may not). Deterministic: re-running it
 * rewrites the same files. Run from gateway/:
 * {@code java -cp target/test-classes:target/classes:target/quarkus-app/lib/main/* app.qrart.engine.ScanFixtureGenerator}
 */
public final class ScanFixtureGenerator {

    static final int SIZE = 256;
    private static final List<String> PAYLOADS = List.of(
            "https://qr.art/f/1",
            "https://example.com/menu?table=12",
            "mailto:hello@qr.art",
            "WIFI:S:cafe;T:WPA;P:espresso;;",
            "tel:+4930123456",
            "https://qr.art/fixtures/6",
            "geo:52.52,13.40",
            "https://qr.art/a-longer-path/with/segments?and=query&more=7");

    private ScanFixtureGenerator() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/scan-fixtures");
        QrEncoder encoder = QrParts.encoder(10);
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i);
            QrSymbol symbol = encoder.encode(payload);
            BufferedImage clean = encoder.render(symbol, SIZE);
            Map<String, BufferedImage> camera = CameraSimulator.variants(clean, encoder.modulePixels(symbol, SIZE));
            String variant = List.copyOf(camera.keySet()).get((i * 5) % camera.size());
            write(root.resolve("camera"), i, camera.get(variant), payload);
            write(root.resolve("art-blend"), i, blend(art(i), clean, 0.35 + 0.05 * (i % 4)), payload);
            write(root.resolve("art-only"), i, art(100 + i), payload);
            write(root.resolve("in-place"), i, foreignCode(payload, i), payload);
            write(root.resolve("in-place-reversed"), i, Luma.negative(foreignCode(payload, i + 1)), payload);
        }
    }

    /**
     * A code as another generator might have put it in a picture: its own level and mask, no
     * ECI, off-centre at its own module size, some tilted, some edge to edge, blended into art.
     */
    static BufferedImage foreignCode(String payload, int i) {
        SymbolCandidates candidates = new SymbolCandidates(payload, java.util.Optional.empty());
        List<Integer> widths = SymbolCandidates.widths(payload);
        List<QrSymbol> symbols = candidates.of(widths.get(i % 2));
        QrSymbol symbol = symbols.get((i * 11) % symbols.size());
        boolean edgeToEdge = i % 4 == 3;
        double module = (edgeToEdge ? SIZE : SIZE * 0.8) / symbol.width();
        double x0 = edgeToEdge ? 0 : SIZE * 0.2 * (i % 3) / 2;
        double y0 = edgeToEdge ? 0 : SIZE * 0.2 * ((i + 1) % 3) / 2;
        BufferedImage code = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = code.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        g.dispose();
        ModuleGrid grid = ModuleGrid.axisAligned(x0, y0, module, symbol.width());
        for (int y = 0; y < symbol.width(); y++) {
            for (int x = 0; x < symbol.width(); x++) {
                grid.paint(code, x, y, 1.0, symbol.dark(x, y), 0, 255, true);
            }
        }
        BufferedImage tilted = i % 3 == 0 ? Perspective.tilt(code, 12) : code;
        return blend(art(200 + i), tilted, 0.3 + 0.04 * (i % 4));
    }

    /** A colourful procedural picture: overlapping waves, no QR structure. */
    static BufferedImage art(long seed) {
        Random random = new Random(seed);
        double fx = 0.02 + random.nextDouble() * 0.05;
        double fy = 0.02 + random.nextDouble() * 0.05;
        double phase = random.nextDouble() * Math.PI;
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int r = Luma.clamp(128 + 100 * Math.sin(fx * x + phase));
                int g = Luma.clamp(128 + 100 * Math.sin(fy * y + 2 * phase));
                int b = Luma.clamp(128 + 90 * Math.sin(fx * (x + y) * 0.7));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** The picture with the QR mixed in at {@code weight} (0 = picture only). */
    static BufferedImage blend(BufferedImage picture, BufferedImage qr, double weight) {
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int p = picture.getRGB(x, y);
                int q = qr.getRGB(x, y) & 0xff;
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int c = (p >> shift) & 0xff;
                    rgb |= Luma.clamp(c * (1 - weight) + q * weight) << shift;
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    private static void write(Path folder, int index, BufferedImage image, String payload) throws IOException {
        Files.createDirectories(folder);
        String name = String.format("%02d", index);
        ImageIO.write(image, "png", folder.resolve(name + ".png").toFile());
        Files.writeString(folder.resolve(name + ".txt"), payload);
    }
}
