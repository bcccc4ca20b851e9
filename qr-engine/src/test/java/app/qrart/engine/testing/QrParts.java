package app.qrart.engine.testing;

import app.qrart.engine.QrEngine;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.SymbolSettings;
import app.qrart.engine.gate.ScanGate;
import app.qrart.engine.gate.ScanListener;
import app.qrart.engine.gate.ScanPolicy;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.engine.gate.StrengthGoals;
import app.qrart.engine.repair.QrRepairer;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.function.UnaryOperator;

/** The scan parts built as the engine builds them, and pictures for them to work on. */
public final class QrParts {

    private QrParts() {}

    /** An encoder with the default settings and this version cap. */
    public static QrEncoder encoder(int maxVersion) {
        return new QrEncoder(SymbolSettings.DEFAULTS.withMaxVersion(maxVersion), new QrVerifier());
    }

    /** A repairer with the default settings, a version cap of 40 and the given footprint cap. */
    public static QrRepairer repairer(double maxPixelsChanged) {
        return new QrRepairer(encoder(40), new QrVerifier(), maxPixelsChanged);
    }

    /** A scan gate with the default policy, a version cap of 40 and the given footprint cap. */
    public static ScanGate gate(double maxPixelsChanged) {
        return gate(ScanPolicy.DEFAULTS.withMaxPixelsChanged(maxPixelsChanged));
    }

    /** A scan gate with a version cap of 40 and this policy. */
    public static ScanGate gate(ScanPolicy policy) {
        return QrEngine.create(SymbolSettings.DEFAULTS.withMaxVersion(40), policy, ScanListener.NONE)
                .gate();
    }

    /** A scan gate with a version cap of 40 and the default policy with one strength's goals changed. */
    public static ScanGate gate(ScanStrength strength, UnaryOperator<StrengthGoals> change) {
        ScanPolicy policy = ScanPolicy.DEFAULTS;
        return gate(policy.withGoals(strength, change.apply(policy.goals(strength))));
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
