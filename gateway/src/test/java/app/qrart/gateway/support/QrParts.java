package app.qrart.gateway.support;

import app.qrart.gateway.qr.encode.QrEncoder;
import app.qrart.gateway.qr.repair.QrRepairer;
import app.qrart.gateway.qr.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.util.Random;

/** The scan parts built as the gateway builds them, and pictures for them to work on. */
public final class QrParts {

    private QrParts() {}

    /** A repairer with the shipped settings, a version cap of 40 and the given footprint cap. */
    public static QrRepairer repairer(double maxPixelsChanged) {
        QrEncoder encoder = new QrEncoder(Configs.qr(40), new QrVerifier());
        return new QrRepairer(encoder, new QrVerifier(), Configs.qr(40), Configs.scan(maxPixelsChanged));
    }

    /** A 512 px test picture: "noise", "flat" or (anything else) a gradient. */
    public static BufferedImage picture(String kind, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                int rgb = switch (kind) {
                    case "noise" -> random.nextInt(0x1000000);
                    case "flat" -> 0x7a8a5c;
                    default -> ((x / 2) << 16) | ((y / 2) << 8) | 0x40;
                };
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
