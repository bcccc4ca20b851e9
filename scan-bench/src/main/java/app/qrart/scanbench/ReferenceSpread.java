package app.qrart.scanbench;

import app.qrart.engine.QrEngine;
import app.qrart.engine.encode.QrContentException;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.gate.RobustnessMeter;
import app.qrart.engine.gate.ScanPolicy;
import app.qrart.engine.verify.CameraSimulator;
import app.qrart.engine.verify.QrDecoder;
import app.qrart.engine.verify.QrVerifier;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How much the plain reference varies between symbols of one class (a benchmark command, not a
 * test): for QR versions 2, 4, 7 and 10 at the default level, random texts and links until
 * SPREAD_SYMBOLS (default 12) symbols of each version, each drawn plain at 2, 3, 4, 6 and 8 pixels
 * per module and read over the camera suite; per class the (condition, reader) pairs read: mean,
 * least and most, and whether the spread is within one reading (what a class key may ignore).
 */
public final class ReferenceSpread {

    private static final int[] VERSIONS = {2, 4, 7, 10};
    private static final int[] MODULE_PIXELS = {2, 3, 4, 6, 8};
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static void main(String[] args) {
        int perClass = Integer.parseInt(System.getenv().getOrDefault("SPREAD_SYMBOLS", "12"));
        QrEngine engine = QrEngine.withDefaults();
        QrEncoder encoder = engine.encoder();
        RobustnessMeter meter = new RobustnessMeter(encoder, engine.verifier(), ScanPolicy.DEFAULTS);
        Map<Integer, List<QrSymbol>> byVersion = symbols(encoder, perClass);
        int widest = 0;
        for (int version : VERSIONS) {
            for (int pixels : MODULE_PIXELS) {
                IntSummaryStatistics reads = new IntSummaryStatistics();
                for (QrSymbol symbol : byVersion.get(version)) {
                    reads.accept(passes(meter.plainReadersByVariant(symbol, pixels)));
                }
                int spread = reads.getMax() - reads.getMin();
                widest = Math.max(widest, spread);
                System.out.printf(
                        Locale.ROOT,
                        "version %2d, %d px per module, %d symbols: pairs read mean %.2f, least %d, most %d of %d"
                                + " (relative spread %.3f)%s%n",
                        version,
                        pixels,
                        reads.getCount(),
                        reads.getAverage(),
                        reads.getMin(),
                        reads.getMax(),
                        QrDecoder.values().length * CameraSimulator.VARIANTS,
                        spread / reads.getAverage(),
                        spread > 1 ? "  <- more than one reading" : "");
            }
        }
        System.out.printf(Locale.ROOT, "widest spread within a class: %d readings%n", widest);
    }

    private static int passes(Map<String, Set<QrDecoder>> readers) {
        return (int) Math.round(
                QrVerifier.robustness(QrVerifier.counts(readers)) * QrDecoder.values().length * readers.size());
    }

    /** Random links, kept by the version they encode to, until each version has {@code perClass}. */
    private static Map<Integer, List<QrSymbol>> symbols(QrEncoder encoder, int perClass) {
        Map<Integer, List<QrSymbol>> out = new LinkedHashMap<>();
        for (int version : VERSIONS) {
            out.put(version, new ArrayList<>());
        }
        Random random = new Random(20261208);
        while (out.values().stream().anyMatch(list -> list.size() < perClass)) {
            StringBuilder link = new StringBuilder(random.nextBoolean() ? "https://q.rt/" : "");
            int length = 1 + random.nextInt(110);
            for (int i = 0; i < length; i++) {
                link.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            QrSymbol symbol;
            try {
                symbol = encoder.encode(link.toString());
            } catch (QrContentException e) {
                continue;
            }
            List<QrSymbol> list = out.get(symbol.version());
            if (list != null && list.size() < perClass) {
                list.add(symbol);
            }
        }
        return out;
    }
}
