package app.qrart.scanbench;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.qr.analysis.ScanAnalyzer;
import app.qrart.gateway.qr.encode.QrEncoder;
import app.qrart.gateway.qr.encode.QrSymbol;
import app.qrart.gateway.qr.image.Ssim;
import app.qrart.gateway.qr.locate.SymbolLocator;
import app.qrart.gateway.qr.repair.QrRepairer;
import app.qrart.gateway.qr.verify.BoofQrDecoder;
import app.qrart.gateway.qr.verify.CameraSimulator;
import app.qrart.gateway.qr.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Scan verification and repair over a folder of artistic QR codes (a benchmark command, not a test).
 *
 * <pre>
 *   make bench-scan                       # ../shared/benchmarks/qr-art, both modes
 *   java ... ScanBenchmark DIR raw        # decode the originals: pass rate per decoder
 *   java ... ScanBenchmark DIR known      # locate each code, match its symbol, repair it in place
 *   java ... ScanBenchmark DIR embed TEXT # "use your own picture": embed TEXT in every image and repair
 * </pre>
 *
 * DIR holds images/ and payloads.csv (file,payload,...). Images are read in place, never copied.
 */
public final class ScanBenchmark {

    private static final int CANVAS = 512;
    private static final boolean VERBOSE = System.getenv("BENCH_VERBOSE") != null;
    /** Restricts the known-payload mode to files whose name this regular expression finds (to look into cases). */
    private static final Pattern ONLY =
            System.getenv("BENCH_ONLY") == null ? null : Pattern.compile(System.getenv("BENCH_ONLY"));

    private ScanBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/benchmarks/qr-art");
        String mode = args.length > 1 ? args[1] : "both";
        String payload = args.length > 2 ? args[2] : "https://qr.art/bench?id=0042";
        if (mode.equals("both") || mode.equals("raw")) {
            raw(dir);
        }
        if (mode.equals("both") || mode.equals("known")) {
            known(dir);
        }
        if (mode.equals("both") || mode.equals("embed")) {
            embed(dir, payload);
        }
    }

    static void raw(Path dir) throws IOException {
        Map<String, String> payloads = payloads(dir.resolve("payloads.csv"));
        QrVerifier verifier = new QrVerifier();
        int zxing = 0;
        int boof = 0;
        int both = 0;
        long nanos = 0;
        for (Map.Entry<String, String> entry : payloads.entrySet()) {
            BufferedImage image =
                    ImageIO.read(dir.resolve("images").resolve(entry.getKey()).toFile());
            long start = System.nanoTime();
            boolean z = verifier.decode(image).filter(entry.getValue()::equals).isPresent();
            boolean b =
                    BoofQrDecoder.decode(image).filter(entry.getValue()::equals).isPresent();
            nanos += System.nanoTime() - start;
            zxing += z ? 1 : 0;
            boof += b ? 1 : 0;
            both += z && b ? 1 : 0;
        }
        int n = payloads.size();
        System.out.printf(Locale.ROOT, "raw: %d images with a known payload%n", n);
        System.out.printf(
                Locale.ROOT,
                "  ZXing (either binarizer) %d (%.1f%%), BoofCV %d (%.1f%%), both %d (%.1f%%)%n",
                zxing,
                100.0 * zxing / n,
                boof,
                100.0 * boof / n,
                both,
                100.0 * both / n);
        System.out.printf(Locale.ROOT, "  %.0f ms per image (two decoders, original size)%n", nanos / 1e6 / n);
    }

    /** Repairs each picture with a known payload in place: located, matched to its symbol, minimally fixed. */
    static void known(Path dir) throws IOException {
        Map<String, String> payloads = payloads(dir.resolve("payloads.csv"));
        QrVerifier verifier = new QrVerifier();
        QrEncoder encoder = new QrEncoder(qrConfig(), verifier);
        QrRepairer repairer = new QrRepairer(encoder, verifier, qrConfig(), scanConfig());
        ScanAnalyzer analyzer = new ScanAnalyzer(encoder, qrConfig());
        RepairFigures figures = new RepairFigures();
        for (Map.Entry<String, String> entry : payloads.entrySet()) {
            if (ONLY != null && !ONLY.matcher(entry.getKey()).find()) {
                continue;
            }
            BufferedImage picture =
                    ImageIO.read(dir.resolve("images").resolve(entry.getKey()).toFile());
            String payload = entry.getValue();
            long start = System.nanoTime();
            Optional<SymbolLocator.Located> located = SymbolLocator.locate(picture, payload);
            boolean already = located.map(SymbolLocator.Located::readsUnaided)
                    .orElseGet(() -> verifier.readsExactly(picture, payload));
            QrRepairer.Repair repair = already
                    ? new QrRepairer.Repair(picture, 0, 0)
                    : located.map(l -> repairer.repair(picture, l)).orElse(new QrRepairer.Repair(null, 0, 0));
            figures.millis.add((System.nanoTime() - start) / 1e6);
            figures.images++;
            figures.readUnaided += already ? 1 : 0;
            if (located.isPresent()) {
                SymbolLocator.Located l = located.get();
                figures.headroomBefore.add(analyzer.analyse(l.asRead(picture), l.symbol(), l.grid())
                        .ecHeadroom());
                if (repair.image() != null) {
                    figures.headroomAfter.add(analyzer.analyse(
                                    l.asRead(repair.image()),
                                    l.symbol(),
                                    l.grid().shifted(repair.margin(), repair.margin()))
                            .ecHeadroom());
                }
            }
            if (repair.image() != null) {
                int module = (int)
                        Math.round(located.map(l -> l.grid().modulePixels()).orElse(8.0));
                boolean reversed = located.map(SymbolLocator.Located::reversed).orElse(false);
                record(figures, picture, repair, verifier.readsByVariant(repair.image(), payload, module, reversed));
            }
            if (VERBOSE) {
                System.out.printf(
                        Locale.ROOT,
                        "    %s %s%s disagreement %.2f -> %s changed %.1f%%%n",
                        entry.getKey(),
                        located.map(SymbolLocator.Located::source).orElse("not located"),
                        located.filter(SymbolLocator.Located::reversed)
                                .map(l -> " reversed")
                                .orElse(""),
                        located.map(SymbolLocator.Located::disagreement).orElse(1.0),
                        repair.image() == null ? "FAILED" : already ? "read unaided" : "repaired",
                        100 * repair.pixelsChangedShare());
            }
        }
        System.out.printf(Locale.ROOT, "known payloads, repaired in place (%d images, native size):%n", figures.images);
        figures.print("known payloads", CameraSimulator.VARIANTS);
    }

    static void embed(Path dir, String payload) throws IOException {
        QrVerifier verifier = new QrVerifier();
        QrEncoder encoder = new QrEncoder(qrConfig(), verifier);
        QrRepairer repairer = new QrRepairer(encoder, verifier, qrConfig(), scanConfig());
        ScanAnalyzer analyzer = new ScanAnalyzer(encoder, qrConfig());
        QrSymbol symbol = encoder.encode(payload);
        int module = encoder.modulePixels(symbol, CANVAS);
        RepairFigures figures = new RepairFigures();
        List<Path> images;
        try (var files = Files.list(dir.resolve("images"))) {
            images = files.sorted().toList();
        }
        for (Path file : images) {
            BufferedImage picture = squareCanvas(ImageIO.read(file.toFile()));
            long start = System.nanoTime();
            boolean already = verifier.readsExactly(picture, payload);
            QrRepairer.Repair repair =
                    already ? new QrRepairer.Repair(picture, 0, 0) : repairer.repair(picture, symbol);
            figures.millis.add((System.nanoTime() - start) / 1e6);
            figures.images++;
            figures.readUnaided += already ? 1 : 0;
            figures.headroomBefore.add(analyzer.analyse(picture, symbol).ecHeadroom());
            if (repair.image() != null) {
                figures.headroomAfter.add(
                        analyzer.analyse(repair.image(), symbol).ecHeadroom());
                record(figures, picture, repair, verifier.readsByVariant(repair.image(), payload, module));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "embed \"%s\" (QR version %d, level %s, %d px/module) into %d images at %dx%d:%n",
                payload,
                symbol.version(),
                symbol.errorCorrection(),
                module,
                images.size(),
                CANVAS,
                CANVAS);
        figures.print("own payload", CameraSimulator.VARIANTS);
    }

    private static void record(
            RepairFigures figures, BufferedImage picture, QrRepairer.Repair repair, Map<String, Integer> reads) {
        figures.passed++;
        figures.changed.add(repair.pixelsChangedShare());
        BufferedImage inside =
                repair.image().getSubimage(repair.margin(), repair.margin(), picture.getWidth(), picture.getHeight());
        figures.ssim.add(repair.pixelsChangedShare() == 0 ? 1.0 : Ssim.of(picture, inside));
        figures.addRobustness(reads);
    }

    private static BufferedImage squareCanvas(BufferedImage source) {
        int side = Math.min(source.getWidth(), source.getHeight());
        BufferedImage crop =
                source.getSubimage((source.getWidth() - side) / 2, (source.getHeight() - side) / 2, side, side);
        BufferedImage out = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(crop, 0, 0, CANVAS, CANVAS, null);
        g.dispose();
        return out;
    }

    static Map<String, String> payloads(Path csv) throws IOException {
        Map<String, String> payloads = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Arrays.asList(line.split(",", -1));
            if (cells.size() >= 2 && !cells.get(1).isBlank()) {
                payloads.put(cells.get(0), cells.get(1));
            }
        }
        return payloads;
    }

    /** The gateway's own configuration: @WithDefault values, overridable by QRART_* variables. */
    private static QrConfig qrConfig() {
        return BenchConfig.of(QrConfig.class);
    }

    private static ScanConfig scanConfig() {
        return BenchConfig.of(ScanConfig.class);
    }
}
