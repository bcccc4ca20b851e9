package app.qrart.gateway.qr;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.config.ScanConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;

/**
 * Makes a generated image read as its QR symbol by changing as little as it can: the quiet
 * zone is lightened, finder patterns (with separators) are restored module by module, and only
 * the centres of data modules whose luminance disagrees with the intended matrix are pushed
 * across the threshold, hue kept. If that is not enough, whole wrong modules are repainted.
 */
@ApplicationScoped
public class QrRepairer {

    private static final int FINDER = 8;
    private static final int DARK_MAX = 100;
    private static final int LIGHT_MIN = 160;

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final QrConfig qr;
    private final ScanConfig scan;

    public QrRepairer(QrEncoder encoder, QrVerifier verifier, QrConfig qr, ScanConfig scan) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.qr = qr;
        this.scan = scan;
    }

    /** What a repair did; `image` is null when no repair within the cap makes it scan. */
    public record Repair(BufferedImage image, int modulesTouched, double pixelsChangedShare) {
    }

    public Repair repair(BufferedImage original, QrSymbol symbol) {
        // Smallest dots first; larger ones only when the binarizer still disagrees.
        for (double share : new double[] {scan.dotShare(), scan.dotShare() + 0.15, scan.dotShare() + 0.3, 1.0}) {
            BufferedImage image = copy(original);
            restoreQuietZone(image, symbol);
            int touched = restoreModules(image, symbol, share);
            double changed = changedShare(original, image);
            if (changed <= scan.maxPixelsChanged() && verifier.readsExactly(image, symbol.content())) {
                return new Repair(image, touched, changed);
            }
        }
        return new Repair(null, 0, 0);
    }

    private void restoreQuietZone(BufferedImage image, QrSymbol symbol) {
        ModuleGrid g = ModuleGrid.of(image, symbol, encoder);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (!g.insideSymbol(x, y)) {
                    image.setRGB(x, y, Luma.lighten(image.getRGB(x, y), scan.lightTarget()));
                }
            }
        }
    }

    private int restoreModules(BufferedImage image, QrSymbol symbol, double share) {
        ModuleGrid g = ModuleGrid.of(image, symbol, encoder);
        int touched = 0;
        for (int my = 0; my < symbol.width(); my++) {
            for (int mx = 0; mx < symbol.width(); mx++) {
                boolean dark = symbol.dark(mx, my);
                boolean function = inFinder(mx, my, symbol.width());
                int luma = g.centreLuma(image, mx, my);
                boolean wrong = dark ? luma > DARK_MAX : luma < LIGHT_MIN;
                if (wrong || function) {
                    double paintShare = function ? 1.0 : share;
                    if (g.paint(image, mx, my, paintShare, dark, scan.darkTarget(), scan.lightTarget())) {
                        touched++;
                    }
                }
            }
        }
        return touched;
    }

    private static boolean inFinder(int mx, int my, int width) {
        boolean top = my < FINDER;
        boolean left = mx < FINDER;
        boolean right = mx >= width - FINDER;
        boolean bottom = my >= width - FINDER;
        return (top && left) || (top && right) || (bottom && left);
    }

    private static double changedShare(BufferedImage a, BufferedImage b) {
        long changed = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (Luma.maxChannelDelta(a.getRGB(x, y), b.getRGB(x, y)) > 10) {
                    changed++;
                }
            }
        }
        return (double) changed / ((long) a.getWidth() * a.getHeight());
    }

    private static BufferedImage copy(BufferedImage source) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(source, 0, 0, null);
        return copy;
    }
}
