package app.qrart.scanbench;

import app.qrart.engine.encode.LinkCodes;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.gate.PictureEmbedder;
import app.qrart.engine.gate.ScanGate;
import app.qrart.engine.gate.ScanReport;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.image.AreaScale;
import app.qrart.engine.image.PictureCanvas;
import app.qrart.engine.verify.QrVerifier;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What short links buy (make bench-links): the QR version of every link of links.csv at each level
 * as given and as a short link; then "your picture" on the shared photographs with a link as given
 * and as a short link, per strength: absolute and relative robustness, the smallest width at which
 * all three readers still read the delivered image (a down-scale ladder), pixels changed, SSIM, ms.
 */
final class LinkFigures {

    private static final int CANVAS = 512;
    /** Each rung of the ladder is this share of the one before. */
    private static final double LADDER_STEP = 0.9;

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final PictureEmbedder embedder;
    private final int extraVersions;
    private final LinkCodes codes;

    LinkFigures(QrEncoder encoder, QrVerifier verifier, PictureEmbedder embedder, int extraVersions, String base) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.embedder = embedder;
        this.extraVersions = extraVersions;
        this.codes = new LinkCodes(base, 5);
    }

    void run(Path shared, List<ScanStrength> strengths) throws IOException {
        List<String> links = links(shared.resolve("links.csv"));
        versions(links);
        pictures(shared.resolve("pictures"), links, strengths);
    }

    private void versions(List<String> links) {
        System.out.printf(
                Locale.ROOT,
                "QR version of %d links (links.csv), as given and as a short link %s<code>:%n",
                links.size(),
                codes.base());
        System.out.println("level  given median  given max  compact median  compact max  short link (code chars)");
        for (ErrorCorrectionLevel level : List.of(
                ErrorCorrectionLevel.L, ErrorCorrectionLevel.M, ErrorCorrectionLevel.Q, ErrorCorrectionLevel.H)) {
            List<Integer> given = new ArrayList<>();
            List<Integer> compact = new ArrayList<>();
            for (String link : links) {
                given.add(plainVersion(link, level));
                compact.add(encoder.smallestVersion(link, level).orElse(41));
            }
            Collections.sort(given);
            Collections.sort(compact);
            System.out.printf(
                    Locale.ROOT,
                    "%-5s  %12d  %9d  %14d  %11d  %d (%d)%n",
                    level,
                    given.get(given.size() / 2),
                    given.get(given.size() - 1),
                    compact.get(compact.size() / 2),
                    compact.get(compact.size() - 1),
                    codes.version(level),
                    codes.length(level));
        }
    }

    /** The version of the link exactly as given, in ZXing's own segments (no capitals). */
    private static int plainVersion(String link, ErrorCorrectionLevel level) {
        try {
            return Encoder.encode(link, level, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                    .getVersion()
                    .getVersionNumber();
        } catch (WriterException e) {
            return 41;
        }
    }

    private void pictures(Path dir, List<String> links, List<ScanStrength> strengths) throws IOException {
        List<Path> files;
        try (var listed = Files.list(dir)) {
            files = listed.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        System.out.printf(
                Locale.ROOT,
                "%nyour picture on %d photographs (%s), %dx%d, level H, each with a link of links.csv:%n",
                files.size(),
                dir,
                CANVAS,
                CANVAS);
        System.out.println(
                "strength  link   version  absolute  relative  smallest width (median, max)  pixels changed  SSIM   ms");
        for (ScanStrength strength : strengths) {
            for (boolean shortLink : List.of(false, true)) {
                Row row = new Row();
                for (int i = 0; i < files.size(); i++) {
                    BufferedImage picture =
                            PictureCanvas.fitWithin(ImageIO.read(files.get(i).toFile()), 1024);
                    BufferedImage square = AreaScale.shrink(
                            PictureCanvas.centreSquare(picture),
                            (double) CANVAS / Math.min(picture.getWidth(), picture.getHeight()));
                    String link = links.get((i * 7 + 3) % links.size());
                    String text = shortLink ? codes.url(codes.draw(ErrorCorrectionLevel.H)) : link;
                    row.add(embed(square, text, strength));
                }
                row.print(strength, shortLink);
            }
        }
    }

    /** One delivery's figures; null when nothing read. */
    private Result embed(BufferedImage square, String text, ScanStrength strength) {
        long start = System.nanoTime();
        PictureEmbedder.Embedding embedding =
                embedder.embed(square, text, ErrorCorrectionLevel.H, extraVersions, strength);
        double millis = (System.nanoTime() - start) / 1e6;
        if (embedding.delivery().isEmpty()) {
            return null;
        }
        ScanGate.Delivery delivery = embedding.delivery().get();
        ScanReport report = delivery.report();
        return new Result(
                embedding.symbol().version(),
                report.robustness(),
                report.relativeRobustness(),
                smallestWidth(delivery.image(), text),
                report.pixelsChangedShare(),
                report.ssim(),
                millis);
    }

    /** The smallest width of the ladder at which every reader still reads the image exactly. */
    private int smallestWidth(BufferedImage image, String text) {
        int smallest = image.getWidth();
        double factor = LADDER_STEP;
        while (factor * image.getWidth() >= 24) {
            BufferedImage small = AreaScale.shrink(image, factor);
            if (!verifier.readsExactly(small, text)) {
                break;
            }
            smallest = small.getWidth();
            factor *= LADDER_STEP;
        }
        return smallest;
    }

    private record Result(
            int version, double absolute, double relative, int width, double changed, double ssim, double millis) {}

    private static final class Row {
        final List<Result> results = new ArrayList<>();
        int unread;

        void add(Result result) {
            if (result == null) {
                unread++;
            } else {
                results.add(result);
            }
        }

        void print(ScanStrength strength, boolean shortLink) {
            System.out.printf(
                    Locale.ROOT,
                    "%-8s  %-5s  %7.0f  %8.3f  %8.3f  %15.0f px, %4.0f px  %13.1f%%  %5.3f  %5.0f%s%n",
                    strength.apiName(),
                    shortLink ? "short" : "given",
                    median(results.stream().mapToDouble(Result::version).toArray()),
                    mean(results.stream().mapToDouble(Result::absolute).toArray()),
                    mean(results.stream().mapToDouble(Result::relative).toArray()),
                    median(results.stream().mapToDouble(Result::width).toArray()),
                    results.stream().mapToDouble(Result::width).max().orElse(0),
                    100 * median(results.stream().mapToDouble(Result::changed).toArray()),
                    median(results.stream().mapToDouble(Result::ssim).toArray()),
                    median(results.stream().mapToDouble(Result::millis).toArray()),
                    unread == 0 ? "" : "  (" + unread + " not read)");
        }
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<String> links(Path csv) throws IOException {
        return Files.readAllLines(csv).stream()
                .skip(1)
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
