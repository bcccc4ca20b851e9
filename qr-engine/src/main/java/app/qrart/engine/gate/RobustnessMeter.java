package app.qrart.engine.gate;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.repair.RepairGoal;
import app.qrart.engine.verify.CameraSimulator;
import app.qrart.engine.verify.QrDecoder;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Robustness relative to a plain code: the camera suite's score of an image over the score of
 * the same symbol drawn plain black on white with the same module size (1.0 = as robust as a
 * plain code). A plain code's score is measured once per symbol and module size.
 */
public class RobustnessMeter {

    /** Plain references kept; the cache is emptied when it would grow past this. */
    private static final int REFERENCES_KEPT = 512;

    /** Smallest module, in pixels, a plain reference is drawn at. */
    private static final int FINEST_PLAIN = 2;

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final ScanPolicy policy;
    private final Map<String, Double> plain = new ConcurrentHashMap<>();

    public RobustnessMeter(QrEncoder encoder, QrVerifier verifier, ScanPolicy policy) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.policy = policy;
    }

    /** The suite's score of a plain black-on-white rendering of the symbol at this module size. */
    public double plain(QrSymbol symbol, int modulePixels) {
        String key = symbol.content()
                + '\u0000'
                + symbol.version()
                + symbol.errorCorrection()
                + symbol.mask()
                + '/'
                + modulePixels;
        Double known = plain.get(key);
        if (known != null) {
            return known;
        }
        if (plain.size() >= REFERENCES_KEPT) {
            plain.clear();
        }
        double measured = QrVerifier.robustness(QrVerifier.counts(plainReadersByVariant(symbol, modulePixels)));
        plain.put(key, measured);
        return measured;
    }

    /**
     * The symbol drawn plain black on white, quiet zone included, at this module size (at least
     * {@link #FINEST_PLAIN} pixels: a code found in a picture may be drawn finer than a code can be rendered).
     */
    private BufferedImage plainCode(QrSymbol symbol, int modulePixels) {
        int drawn = Math.max(FINEST_PLAIN, modulePixels);
        return encoder.render(symbol, (symbol.width() + 2 * encoder.quietZoneModules()) * drawn);
    }

    /** Which readers read the plain code under each camera condition. */
    public Map<String, Set<QrDecoder>> plainReadersByVariant(QrSymbol symbol, int modulePixels) {
        return verifier.readersByVariant(
                plainCode(symbol, modulePixels), symbol.content(), Math.max(FINEST_PLAIN, modulePixels), false);
    }

    /** The image's suite score over the plain code's. */
    public double relative(BufferedImage image, QrSymbol symbol, int modulePixels) {
        return relative(verifier.robustness(image, symbol.content(), modulePixels), symbol, modulePixels);
    }

    /**
     * The image's suite score over the plain code's when that is at least {@code floor}, else a
     * bound below {@code floor} (the suite run stops once the floor is out of reach).
     */
    public double relative(BufferedImage image, QrSymbol symbol, int modulePixels, double floor) {
        int minPasses = minPasses(floor, symbol, modulePixels);
        return relative(verifier.robustness(image, symbol.content(), modulePixels, minPasses), symbol, modulePixels);
    }

    /** A suite score over the plain code's. */
    public double relative(double robustness, QrSymbol symbol, int modulePixels) {
        return robustness / reference(symbol, modulePixels);
    }

    /** The plain code's score as a divisor (never zero). */
    private double reference(QrSymbol symbol, int modulePixels) {
        return Math.max(plain(symbol, modulePixels), 1e-9);
    }

    /** The fewest reading (variant, reader) pairs whose relative score reaches the floor (all pairs if none does). */
    private int minPasses(double floor, QrSymbol symbol, int modulePixels) {
        int pairs = QrDecoder.values().length * CameraSimulator.VARIANTS;
        double reference = reference(symbol, modulePixels);
        int passes = 0;
        while (passes < pairs && QrVerifier.robustness(passes) / reference < floor) {
            passes++;
        }
        return passes;
    }

    /** What the repair of a code drawn by the gateway (a generation, an embedded picture) aims for at this strength. */
    public RepairGoal goal(QrSymbol symbol, int modulePixels, ScanStrength strength) {
        StrengthGoals goals = policy.goals(strength);
        return goal(symbol, modulePixels, goals.target(), goals.maxPixelsChanged());
    }

    /** What the repair of a code fixed in place in someone's picture aims for at this strength. */
    public RepairGoal inPlaceGoal(QrSymbol symbol, int modulePixels, ScanStrength strength) {
        StrengthGoals goals = policy.goals(strength);
        return goal(symbol, modulePixels, goals.inPlaceTarget(), goals.inPlaceMaxPixelsChanged());
    }

    private RepairGoal goal(QrSymbol symbol, int modulePixels, double target, double maxPixelsChanged) {
        return new RepairGoal(target, maxPixelsChanged, (image, floor) -> relative(image, symbol, modulePixels, floor));
    }
}
