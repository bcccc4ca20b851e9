package app.qrart.gateway.tools;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.qr.BoofQrDecoder;
import app.qrart.gateway.qr.CameraSimulator;
import app.qrart.gateway.qr.QrEncoder;
import app.qrart.gateway.qr.QrRepairer;
import app.qrart.gateway.qr.QrSymbol;
import app.qrart.gateway.qr.QrVerifier;
import app.qrart.gateway.qr.ScanAnalyzer;
import app.qrart.gateway.qr.Ssim;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Scan verification and repair over a folder of artistic QR codes (a benchmark command, not a test).
 *
 * <pre>
 *   make bench-scan                       # ../shared/benchmarks/qr-art, both modes
 *   java ... ScanBenchmark DIR raw        # decode the originals: pass rate per decoder
 *   java ... ScanBenchmark DIR embed TEXT # "use your own picture": embed TEXT in every image and repair
 * </pre>
 *
 * DIR holds images/ and payloads.csv (file,payload,...). Images are read in place, never copied.
 */
public final class ScanBenchmark {

    private static final int CANVAS = 512;

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/benchmarks/qr-art");
        String mode = args.length > 1 ? args[1] : "both";
        String payload = args.length > 2 ? args[2] : "https://qr.art/bench?id=0042";
        if (!mode.equals("embed")) {
            raw(dir);
        }
        if (!mode.equals("raw")) {
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
            BufferedImage image = ImageIO.read(dir.resolve("images").resolve(entry.getKey()).toFile());
            long start = System.nanoTime();
            boolean z = verifier.decode(image).filter(entry.getValue()::equals).isPresent();
            boolean b = BoofQrDecoder.decode(image).filter(entry.getValue()::equals).isPresent();
            nanos += System.nanoTime() - start;
            zxing += z ? 1 : 0;
            boof += b ? 1 : 0;
            both += z && b ? 1 : 0;
        }
        int n = payloads.size();
        System.out.printf(Locale.ROOT, "raw: %d images with a known payload%n", n);
        System.out.printf(Locale.ROOT, "  ZXing (either binarizer) %d (%.1f%%), BoofCV %d (%.1f%%), both %d (%.1f%%)%n",
                zxing, 100.0 * zxing / n, boof, 100.0 * boof / n, both, 100.0 * both / n);
        System.out.printf(Locale.ROOT, "  %.0f ms per image (two decoders, original size)%n", nanos / 1e6 / n);
    }

    static void embed(Path dir, String payload) throws IOException {
        QrVerifier verifier = new QrVerifier();
        QrEncoder encoder = new QrEncoder(qrConfig(), verifier);
        QrRepairer repairer = new QrRepairer(encoder, verifier, qrConfig(), scanConfig());
        QrSymbol symbol = encoder.encode(payload);
        int module = encoder.modulePixels(symbol, CANVAS);
        List<Double> changed = new ArrayList<>();
        List<Double> ssim = new ArrayList<>();
        List<Double> robustness = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        List<Double> headroomBefore = new ArrayList<>();
        List<Double> headroomAfter = new ArrayList<>();
        ScanAnalyzer analyzer = new ScanAnalyzer(encoder, qrConfig());
        int passed = 0;
        int rawPass = 0;
        List<Path> images;
        try (var files = Files.list(dir.resolve("images"))) {
            images = files.sorted().toList();
        }
        for (Path file : images) {
            BufferedImage picture = squareCanvas(ImageIO.read(file.toFile()));
            long start = System.nanoTime();
            boolean already = verifier.readsExactly(picture, payload);
            QrRepairer.Repair repair = already ? new QrRepairer.Repair(picture, 0, 0) : repairer.repair(picture, symbol);
            millis.add((System.nanoTime() - start) / 1e6);
            rawPass += already ? 1 : 0;
            headroomBefore.add(analyzer.analyse(picture, symbol).ecHeadroom());
            if (repair.image() != null) {
                passed++;
                changed.add(repair.pixelsChangedShare());
                ssim.add(Ssim.of(picture, repair.image()));
                robustness.add(verifier.robustness(repair.image(), payload, module));
                headroomAfter.add(analyzer.analyse(repair.image(), symbol).ecHeadroom());
            }
        }
        int n = images.size();
        System.out.printf(Locale.ROOT, "embed \"%s\" (QR version %d, level %s, %d px/module) into %d images:%n",
                payload, symbol.version(), symbol.errorCorrection(), module, n);
        System.out.printf(Locale.ROOT, "  read unaided: %d; after repair both decoders read: %d (%.1f%%)%n",
                rawPass, passed, 100.0 * passed / n);
        System.out.printf(Locale.ROOT, "  pixels changed >10 levels: median %.1f%%, p95 %.1f%%%n",
                100 * percentile(changed, 50), 100 * percentile(changed, 95));
        System.out.printf(Locale.ROOT, "  SSIM to the unrepaired image: median %.3f, p5 %.3f%n",
                percentile(ssim, 50), percentile(ssim, 5));
        System.out.printf(Locale.ROOT, "  robustness (%d camera variants x 2 decoders): mean %.3f, min %.3f%n",
                CameraSimulator.variants(encoder.render(symbol, CANVAS), module).size(),
                robustness.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                robustness.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        System.out.printf(Locale.ROOT, "  EC headroom (1 - worst block errors / correctable): before median %.2f, "
                + "after repair median %.2f, min %.2f%n", percentile(headroomBefore, 50), percentile(headroomAfter, 50),
                headroomAfter.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        System.out.printf(Locale.ROOT, "  verification + repair: median %.0f ms, p95 %.0f ms per %dx%d image%n",
                percentile(millis, 50), percentile(millis, 95), CANVAS, CANVAS);
    }

    private static BufferedImage squareCanvas(BufferedImage source) {
        int side = Math.min(source.getWidth(), source.getHeight());
        BufferedImage crop = source.getSubimage((source.getWidth() - side) / 2, (source.getHeight() - side) / 2,
                side, side);
        BufferedImage out = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
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

    static double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q / 100 * (sorted.length - 1))));
        return sorted[index];
    }

    /** The gateway's own configuration: @WithDefault values, overridable by QRART_* variables. */
    private static QrConfig qrConfig() {
        return ConfigDefaults.of(QrConfig.class, "qrart.qr");
    }

    private static ScanConfig scanConfig() {
        return ConfigDefaults.of(ScanConfig.class, "qrart.scan");
    }
}
