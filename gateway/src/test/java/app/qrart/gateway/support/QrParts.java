package app.qrart.gateway.support;

import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.qr.analysis.ScanAnalyzer;
import app.qrart.gateway.qr.encode.QrEncoder;
import app.qrart.gateway.qr.gate.RobustnessMeter;
import app.qrart.gateway.qr.gate.ScanGate;
import app.qrart.gateway.qr.repair.QrRepairer;
import app.qrart.gateway.qr.verify.QrVerifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** The scan parts built as the gateway builds them, and pictures for them to work on. */
public final class QrParts {

    private QrParts() {}

    /** A repairer with the shipped settings, a version cap of 40 and the given footprint cap. */
    public static QrRepairer repairer(double maxPixelsChanged) {
        QrEncoder encoder = new QrEncoder(Configs.qr(40), new QrVerifier());
        return new QrRepairer(encoder, new QrVerifier(), Configs.qr(40), Configs.scan(maxPixelsChanged));
    }

    /** A scan gate with the shipped settings, a version cap of 40 and the given footprint cap. */
    public static ScanGate gate(double maxPixelsChanged) {
        return gate(Map.of("qrart.scan.max-pixels-changed", String.valueOf(maxPixelsChanged)));
    }

    /** A scan gate with a version cap of 40 and these scan settings over the shipped ones. */
    public static ScanGate gate(Map<String, String> scanOverrides) {
        QrVerifier verifier = new QrVerifier();
        QrEncoder encoder = new QrEncoder(Configs.qr(40), verifier);
        var scan = Configs.of(ScanConfig.class, scanOverrides);
        return new ScanGate(
                encoder,
                verifier,
                new QrRepairer(encoder, verifier, Configs.qr(40), scan),
                new ScanAnalyzer(encoder, Configs.qr(40)),
                new RobustnessMeter(encoder, verifier, Configs.qr(40), scan),
                scan,
                new SimpleMeterRegistry());
    }

    /** The settings with one more (or one replaced). */
    public static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(key, value);
        return all;
    }

    /**
     * A 512 px test picture: "noise", "flat", "photo" (soft shapes and shading, like a photograph)
     * or (anything else) a gradient.
     */
    public static BufferedImage picture(String kind, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                int rgb = switch (kind) {
                    case "noise" -> random.nextInt(0x1000000);
                    case "flat" -> 0x7a8a5c;
                    case "photo" -> photo(x, y);
                    default -> ((x / 2) << 16) | ((y / 2) << 8) | 0x40;
                };
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** A photograph-like pixel: a lit sphere on a sky-to-ground backdrop, with soft stripes. */
    private static int photo(int x, int y) {
        double dx = (x - 300) / 140.0;
        double dy = (y - 220) / 140.0;
        double inSphere = dx * dx + dy * dy;
        double light = inSphere < 1 ? 0.35 + 0.65 * Math.max(0, 1 - inSphere - 0.4 * dx - 0.3 * dy) : 0.0;
        int r = (int) (inSphere < 1 ? 60 + 180 * light : y < 300 ? 120 + y / 5 : 70 + 20 * Math.sin(x / 9.0));
        int g = (int) (inSphere < 1 ? 40 + 120 * light : y < 300 ? 160 + y / 6 : 110 + 30 * Math.sin(x / 13.0));
        int b = (int) (inSphere < 1 ? 30 + 60 * light : y < 300 ? 220 - y / 8 : 60);
        return Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
    }
}
