package app.qrart.engine.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The ZXing-style fixture folders under src/test/resources/scan-fixtures: each holds NN.png with
 * its expected text in NN.txt, and the folder's thresholds in thresholds.properties.
 */
public final class ScanFixtures {

    public static final Path ROOT = Path.of("src/test/resources/scan-fixtures");

    private ScanFixtures() {}

    /** One picture and the text it must read as. */
    public record Fixture(String file, BufferedImage image, String text) {}

    /** A folder's fixtures, in file order, and its thresholds. */
    public record Folder(String name, List<Fixture> fixtures, Properties thresholds) {

        /** Whether its codes were drawn by another generator and are repaired where they are. */
        public boolean inPlace() {
            return "in-place".equals(thresholds.getProperty("mode"));
        }

        public int threshold(String key, int otherwise) {
            return Integer.parseInt(thresholds.getProperty(key, String.valueOf(otherwise)));
        }

        public double threshold(String key, double otherwise) {
            return Double.parseDouble(thresholds.getProperty(key, String.valueOf(otherwise)));
        }
    }

    /** The names of every fixture folder, sorted. */
    public static List<String> names() throws IOException {
        try (Stream<Path> list = Files.list(ROOT)) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    public static Folder folder(String name) throws IOException {
        Path folder = ROOT.resolve(name);
        Properties thresholds = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve("thresholds.properties"))) {
            thresholds.load(in);
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Fixture> fixtures = files.filter(f -> f.toString().endsWith(".png"))
                    .sorted()
                    .map(ScanFixtures::fixture)
                    .toList();
            return new Folder(name, fixtures, thresholds);
        }
    }

    private static Fixture fixture(Path png) {
        try {
            String text = Files.readString(Path.of(png.toString().replace(".png", ".txt")));
            return new Fixture(png.getFileName().toString(), ImageIO.read(png.toFile()), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
