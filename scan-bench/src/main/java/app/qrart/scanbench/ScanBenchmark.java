package app.qrart.scanbench;

import app.qrart.engine.QrEngine;
import app.qrart.engine.analysis.ScanAnalyzer;
import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.gate.PictureEmbedder;
import app.qrart.engine.gate.RobustnessMeter;
import app.qrart.engine.gate.ScanGate;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.image.Ssim;
import app.qrart.engine.locate.SymbolLocator;
import app.qrart.engine.repair.Repair;
import app.qrart.engine.verify.QrDecoder;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Scan verification and repair over a folder of artistic QR codes (a benchmark command, not a test).
 *
 * <pre>
 *   make bench-scan                       # ../shared/benchmarks/qr-art: raw, known and embed
 *   java ... ScanBenchmark DIR raw        # decode the originals: pass rate per reader
 *   java ... ScanBenchmark DIR known      # locate each code, match its symbol, repair it in place, per strength
 *   java ... ScanBenchmark DIR embed TEXT # "use your own picture": embed TEXT in every image, per strength
 *   java ... ScanBenchmark SHARED links [BASE] # short links: versions of links.csv, your picture given vs short
 *   java ... ScanBenchmark DIR delivered  # judge delivered images as they are (DIR: PNGs + payloads.csv)
 *   java ... ScanBenchmark DIR delivered-in-place # the same for codes repaired in place (DIR/known of a run)
 * </pre>
 *
 * DIR holds images/ and payloads.csv (file,payload,...); images are read in place, never copied.
 * BENCH_STRENGTHS (default artistic,balanced,robust) picks the strengths; SCAN_BENCH_OUT=DIR writes
 * every delivered image as PNG with payloads.csv (file,payload,strength) and scores.csv (what was judged
 * of each: relative robustness, target met, pixels changed, SSIM, ms) into DIR/known and DIR/embed.
 */
public final class ScanBenchmark {

    private static final int CANVAS = 512;
    /** Restricts the known and embed modes to files whose name this regular expression finds (to look into cases). */
    private static final Pattern ONLY =
            System.getenv("BENCH_ONLY") == null ? null : Pattern.compile(System.getenv("BENCH_ONLY"));

    private final QrEngine engine = QrEngine.withDefaults();
    private final QrVerifier verifier = engine.verifier();
    private final QrEncoder encoder = engine.encoder();
    private final ScanAnalyzer analyzer = engine.analyzer();
    private final RobustnessMeter meter = engine.meter();
    private final ScanGate gate = engine.gate();
    private final PictureEmbedder embedder = engine.embedder();
    private final List<ScanStrength> strengths = strengths();
    private final Optional<Path> out = Optional.ofNullable(System.getenv("SCAN_BENCH_OUT"))
            .filter(s -> !s.isBlank())
            .map(Path::of);

    private ScanBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/benchmarks/qr-art");
        String mode = args.length > 1 ? args[1] : "both";
        String payload = args.length > 2 ? args[2] : "https://qr.art/bench?id=0042";
        ScanBenchmark bench = new ScanBenchmark();
        if (mode.equals("both") || mode.equals("raw")) {
            bench.raw(dir);
        }
        if (mode.equals("both") || mode.equals("known")) {
            bench.known(dir);
        }
        if (mode.equals("both") || mode.equals("embed")) {
            bench.embed(dir, payload);
        }
        if (mode.equals("links")) {
            String base = args.length > 2 ? args[2] : "HTTPS://QRA.RT/";
            new LinkFigures(bench.encoder, bench.verifier, bench.embedder, PictureEmbedder.EXTRA_VERSIONS, base)
                    .run(dir, bench.strengths);
        }
        if (mode.equals("delivered") || mode.equals("delivered-in-place")) {
            bench.delivered(dir, mode.equals("delivered-in-place"));
        }
    }

    void raw(Path dir) throws IOException {
        Map<String, String> payloads = payloads(dir.resolve("payloads.csv"));
        Map<QrDecoder, Integer> reads = new EnumMap<>(QrDecoder.class);
        int all = 0;
        long nanos = 0;
        for (Map.Entry<String, String> entry : payloads.entrySet()) {
            BufferedImage image =
                    ImageIO.read(dir.resolve("images").resolve(entry.getKey()).toFile());
            long start = System.nanoTime();
            Set<QrDecoder> readers = fullSizeReaders(image, entry.getValue());
            nanos += System.nanoTime() - start;
            readers.forEach(d -> reads.merge(d, 1, Integer::sum));
            all += readers.size() == QrDecoder.values().length ? 1 : 0;
        }
        int n = payloads.size();
        System.out.printf(Locale.ROOT, "raw: %d images with a known payload, read at original size by:", n);
        for (QrDecoder decoder : QrDecoder.values()) {
            int k = reads.getOrDefault(decoder, 0);
            System.out.printf(Locale.ROOT, " %s %d (%.1f%%)", RepairFigures.name(decoder), k, 100.0 * k / n);
        }
        System.out.printf(Locale.ROOT, "; all three %d (%.1f%%)%n", all, 100.0 * all / n);
        System.out.printf(Locale.ROOT, "  %.0f ms per image (three readers, original size)%n", nanos / 1e6 / n);
    }

    /** Repairs each picture with a known payload in place, at each strength: located, matched, fixed towards the target. */
    void known(Path dir) throws IOException {
        Map<String, String> payloads = payloads(dir.resolve("payloads.csv"));
        for (ScanStrength strength : strengths) {
            RepairFigures figures = new RepairFigures(true);
            Delivered written = new Delivered(out.map(o -> o.resolve("known")));
            for (Map.Entry<String, String> entry : payloads.entrySet()) {
                if (ONLY != null && !ONLY.matcher(entry.getKey()).find()) {
                    continue;
                }
                BufferedImage picture = ImageIO.read(
                        dir.resolve("images").resolve(entry.getKey()).toFile());
                knownOne(picture, entry.getKey(), entry.getValue(), strength, figures, written);
            }
            written.close();
            System.out.printf(
                    Locale.ROOT,
                    "known payloads repaired in place, %s (%d images, native size):%n",
                    strength.apiName(),
                    figures.images);
            figures.print("known payloads");
        }
    }

    private void knownOne(
            BufferedImage picture,
            String file,
            String payload,
            ScanStrength strength,
            RepairFigures figures,
            Delivered written)
            throws IOException {
        long start = System.nanoTime();
        Optional<SymbolLocator.Located> located = SymbolLocator.locate(picture, payload);
        PathCosts.take();
        Repair repair = located.map(l -> gate.inPlace(picture, l, strength)).orElse(Repair.none());
        figures.costs.add(PathCosts.take());
        double millis = millisSince(start);
        figures.millis.add(millis);
        figures.images++;
        if (located.isEmpty()) {
            return;
        }
        SymbolLocator.Located l = located.get();
        figures.readUnaided += l.readsUnaided() ? 1 : 0;
        figures.headroomBefore.add(
                analyzer.analyse(l.asRead(picture), l.symbol(), l.grid()).ecHeadroom());
        if (repair.image() == null) {
            return;
        }
        figures.headroomAfter.add(analyzer.analyse(
                        l.asRead(repair.image()), l.symbol(), l.grid().shifted(repair.margin(), repair.margin()))
                .ecHeadroom());
        int module = l.modulePixels();
        BufferedImage inside =
                repair.image().getSubimage(repair.margin(), repair.margin(), picture.getWidth(), picture.getHeight());
        Scores scores = new Scores(
                repair.robustness(),
                repair.targetMet(),
                repair.pixelsChangedShare(),
                repair.pixelsChangedShare() == 0 ? 1.0 : Ssim.of(picture, inside),
                millis);
        record(
                figures,
                scores,
                verifier.readersByVariant(repair.image(), payload, module, l.reversed()),
                meter.plainReadersByVariant(l.symbol(), module),
                fullSizeReaders(l.asRead(repair.image()), payload));
        written.add(strength.apiName() + "-" + png(file), repair.image(), payload, strength, scores);
    }

    /**
     * Embeds the payload in every picture (a square crop at 512 x 512) as "your picture" does: the
     * symbol (mask, version) the picture is nearest to, then the gate, at each strength.
     */
    void embed(Path dir, String payload) throws IOException {
        QrSymbol first = encoder.encode(payload);
        List<Path> images;
        try (var files = Files.list(dir.resolve("images"))) {
            images = files.sorted().toList();
        }
        for (ScanStrength strength : strengths) {
            RepairFigures figures = new RepairFigures(true);
            Delivered written = new Delivered(out.map(o -> o.resolve("embed")));
            for (Path file : images) {
                if (ONLY != null && !ONLY.matcher(file.getFileName().toString()).find()) {
                    continue;
                }
                BufferedImage picture = squareCanvas(ImageIO.read(file.toFile()));
                long start = System.nanoTime();
                PathCosts.take();
                PictureEmbedder.Embedding embedding = embedder.embed(
                        picture, payload, encoder.defaultLevel(), PictureEmbedder.EXTRA_VERSIONS, strength);
                figures.costs.add(PathCosts.take());
                double millis = millisSince(start);
                figures.millis.add(millis);
                QrSymbol symbol = embedding.symbol();
                Optional<ScanGate.Delivery> delivery = embedding.delivery();
                int module = encoder.modulePixels(symbol, CANVAS);
                Map<String, Set<QrDecoder>> plainReads = meter.plainReadersByVariant(symbol, module);
                figures.images++;
                figures.headroomBefore.add(analyzer.analyse(picture, symbol).ecHeadroom());
                if (delivery.isEmpty()) {
                    continue;
                }
                var report = delivery.get().report();
                BufferedImage image = delivery.get().image();
                figures.readUnaided += report.candidatesVerified();
                figures.headroomAfter.add(report.analysis().ecHeadroom());
                Scores scores = new Scores(
                        report.relativeRobustness(),
                        report.robustnessTargetMet(),
                        report.pixelsChangedShare(),
                        report.ssim(),
                        millis);
                record(
                        figures,
                        scores,
                        verifier.readersByVariant(image, payload, module, false),
                        plainReads,
                        fullSizeReaders(image, payload));
                written.add(
                        strength.apiName() + "-" + png(file.getFileName().toString()),
                        image,
                        payload,
                        strength,
                        scores);
            }
            written.close();
            System.out.printf(
                    Locale.ROOT,
                    "embed \"%s\" (from QR version %d, level %s; mask and version nearest each picture) into %d images at %dx%d, %s:%n",
                    payload,
                    first.version(),
                    first.errorCorrection(),
                    figures.images,
                    CANVAS,
                    CANVAS,
                    strength.apiName());
            figures.print("own payload");
        }
    }

    /**
     * Judges delivered images as they are (no repair): DIR holds PNGs and payloads.csv (file,payload).
     * A code drawn by the gateway is judged as the symbol its payload encodes to at the image's size;
     * a code repaired in place ({@code inPlace}) as the symbol located in it, read as the readers see
     * it (a reflectance-reversed code as its negative). The time is the gate and one suite run, with
     * the plain reference when its symbol is new.
     */
    void delivered(Path dir, boolean inPlace) throws IOException {
        RepairFigures figures = new RepairFigures(false);
        for (Map.Entry<String, String> entry :
                payloads(dir.resolve("payloads.csv")).entrySet()) {
            BufferedImage image = ImageIO.read(dir.resolve(entry.getKey()).toFile());
            String payload = entry.getValue();
            figures.images++;
            Optional<Judged> found = inPlace ? located(image, payload) : Optional.of(drawn(image, payload));
            if (found.isEmpty()) {
                continue;
            }
            Judged judged = found.get();
            long start = System.nanoTime();
            boolean reads = verifier.readsExactly(judged.asRead(), payload);
            double relative = meter.relative(judged.asRead(), judged.symbol(), judged.modulePixels());
            double millis = millisSince(start);
            figures.millis.add(millis);
            figures.readUnaided += reads ? 1 : 0;
            record(
                    figures,
                    new Scores(relative, false, 0, 1, millis),
                    verifier.readersByVariant(image, payload, judged.modulePixels(), judged.reversed()),
                    meter.plainReadersByVariant(judged.symbol(), judged.modulePixels()),
                    fullSizeReaders(judged.asRead(), payload));
        }
        System.out.printf(Locale.ROOT, "delivered images in %s, as they are (%d):%n", dir, figures.images);
        figures.print("delivered");
    }

    /** A delivered image as it is judged: its symbol, module size, and the image as readers see it. */
    private record Judged(QrSymbol symbol, int modulePixels, BufferedImage asRead, boolean reversed) {}

    private Judged drawn(BufferedImage image, String payload) {
        QrSymbol symbol = encoder.encode(payload);
        return new Judged(symbol, encoder.modulePixels(symbol, image.getWidth()), image, false);
    }

    private static Optional<Judged> located(BufferedImage image, String payload) {
        return SymbolLocator.locate(image, payload)
                .map(l -> new Judged(l.symbol(), l.modulePixels(), l.asRead(image), l.reversed()));
    }

    private static void record(
            RepairFigures figures,
            Scores scores,
            Map<String, Set<QrDecoder>> reads,
            Map<String, Set<QrDecoder>> plainReads,
            Set<QrDecoder> fullSize) {
        figures.relative.add(scores.relative());
        figures.targetMet += scores.targetMet() ? 1 : 0;
        figures.changed.add(scores.changed());
        figures.ssim.add(scores.ssim());
        figures.addDelivered(reads, plainReads, fullSize);
    }

    private static Set<QrDecoder> fullSizeReaders(BufferedImage image, String payload) {
        Set<QrDecoder> readers = EnumSet.noneOf(QrDecoder.class);
        for (QrDecoder decoder : QrDecoder.values()) {
            if (decoder.reads(image, payload)) {
                readers.add(decoder);
            }
        }
        return readers;
    }

    /**
     * Delivered images written as PNGs with a payloads.csv and the scores judged of each
     * (scores.csv) beside them, when an output folder is set.
     */
    private static final class Delivered {
        private final Optional<Path> folder;
        private final List<String> rows = new ArrayList<>();
        private final List<String> scoreRows = new ArrayList<>();

        Delivered(Optional<Path> folder) throws IOException {
            this.folder = folder;
            if (folder.isPresent()) {
                Files.createDirectories(folder.get());
            }
        }

        void add(String file, BufferedImage image, String payload, ScanStrength strength, Scores scores)
                throws IOException {
            if (folder.isPresent()) {
                ImageIO.write(image, "png", folder.get().resolve(file).toFile());
                rows.add(cell(file) + "," + cell(payload) + "," + strength.apiName());
                scoreRows.add(cell(file) + "," + strength.apiName() + "," + scores.cells());
            }
        }

        /** Appends this run's rows to payloads.csv and scores.csv (each written with its header when new). */
        void close() throws IOException {
            if (folder.isPresent()) {
                append(folder.get().resolve("payloads.csv"), "file,payload,strength", rows);
                append(folder.get().resolve("scores.csv"), Scores.HEADER, scoreRows);
            }
        }

        private static void append(Path csv, String header, List<String> rows) throws IOException {
            List<String> lines = new ArrayList<>();
            if (!Files.exists(csv)) {
                lines.add(header);
            }
            lines.addAll(rows);
            Files.write(csv, lines, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static String png(String file) {
        int dot = file.lastIndexOf('.');
        return (dot < 0 ? file : file.substring(0, dot)) + ".png";
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
            List<String> cells = cells(line);
            if (cells.size() >= 2 && !cells.get(1).isBlank()) {
                payloads.put(cells.get(0), cells.get(1));
            }
        }
        return payloads;
    }

    /** One CSV line's cells; a cell in double quotes may hold commas and doubled quotes (RFC 4180). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
    static String cell(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    private static List<ScanStrength> strengths() {
        String names = Optional.ofNullable(System.getenv("BENCH_STRENGTHS")).orElse("artistic,balanced,robust");
        return Arrays.stream(names.split(","))
                .map(String::trim)
                .map(name -> ScanStrength.fromApiName(name)
                        .orElseThrow(() -> new IllegalArgumentException("BENCH_STRENGTHS: unknown strength " + name)))
                .toList();
    }
}
