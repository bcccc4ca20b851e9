package app.qrart.engine.gate;

import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.costs.PathCosts.Part;
import app.qrart.engine.encode.QrContentException;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.repair.RepairGoal;
import app.qrart.engine.verify.CameraCondition;
import app.qrart.engine.verify.CameraSimulator;
import app.qrart.engine.verify.QrDecoder;
import app.qrart.engine.verify.QrVerifier;
import app.qrart.engine.verify.ReaderModel;
import app.qrart.engine.verify.SuiteMemo;
import app.qrart.engine.verify.SuiteOrder;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Robustness relative to a plain code: the camera suite's score of an image over the score of a
 * plain code of its class drawn black on white at the same module size (1.0 = as robust as a
 * plain code). The class is the symbol's version, level and mask and the module size: between
 * symbols of one version, level and module size the plain score varies by up to two readings of
 * the suite ({@code ReferenceSpread} in scan-bench measures it), so the mask keys it finer; it is
 * measured once per class, on a canonical symbol of that class, and kept in a bounded cache
 * shared by every job.
 */
public class RobustnessMeter {

    /** Classes whose plain reference is kept (least recently used dropped first). */
    private static final int REFERENCES_KEPT = 512;

    /** Smallest module, in pixels, a plain reference is drawn at. */
    private static final int FINEST_PLAIN = 2;

    /** What a class's canonical symbol carries (padded to the class's version). */
    private static final String CANONICAL_CONTENT = "QRART";

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final ScanPolicy policy;
    private final Cache<ReferenceClass, PlainReference> plain;

    /** A plain code's suite score and the readings that read it. */
    private record PlainReference(double score, Set<SuiteOrder.Reading> reading) {}

    /** What a plain reference depends on: the symbol's version, level and mask and the module size it is drawn at. */
    record ReferenceClass(int version, String errorCorrection, int mask, int modulePixels) {}

    public RobustnessMeter(QrEncoder encoder, QrVerifier verifier, ScanPolicy policy) {
        this(encoder, verifier, policy, REFERENCES_KEPT);
    }

    /** A meter keeping at most {@code referencesKept} classes' plain references. */
    RobustnessMeter(QrEncoder encoder, QrVerifier verifier, ScanPolicy policy, int referencesKept) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.policy = policy;
        this.plain = Caffeine.newBuilder()
                .maximumSize(referencesKept)
                .executor(Runnable::run)
                .build();
    }

    /** The suite's score of a plain black-on-white code of the symbol's class at this module size. */
    public double plain(QrSymbol symbol, int modulePixels) {
        return plainReference(symbol, modulePixels).score();
    }

    private PlainReference plainReference(QrSymbol symbol, int modulePixels) {
        ReferenceClass key = new ReferenceClass(
                symbol.version(), symbol.errorCorrection(), symbol.mask(), Math.max(FINEST_PLAIN, modulePixels));
        return plain.get(
                key, k -> PathCosts.time(Part.REFERENCE, () -> measuredPlain(canonical(symbol), modulePixels)));
    }

    /** How many classes' references are kept now. */
    long referencesKept() {
        plain.cleanUp();
        return plain.estimatedSize();
    }

    private PlainReference measuredPlain(QrSymbol symbol, int modulePixels) {
        Map<String, Set<QrDecoder>> readers = plainReadersByVariant(symbol, modulePixels);
        Set<SuiteOrder.Reading> reading = new HashSet<>();
        readers.forEach((label, decoders) -> CameraCondition.fromLabel(label)
                .ifPresent(condition -> decoders.forEach(d -> reading.add(new SuiteOrder.Reading(condition, d)))));
        return new PlainReference(QrVerifier.robustness(QrVerifier.counts(readers)), reading);
    }

    /** The class's canonical symbol: fixed content at the symbol's version, level and mask (the symbol itself where that fails). */
    private QrSymbol canonical(QrSymbol symbol) {
        try {
            return encoder.encodeAt(
                    CANONICAL_CONTENT,
                    ErrorCorrectionLevel.valueOf(symbol.errorCorrection()),
                    symbol.version(),
                    symbol.mask());
        } catch (QrContentException e) {
            return symbol;
        }
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

    /**
     * A goal whose measures are relative to the plain code of the symbol's class: the real
     * readers over the whole suite, and a prediction by a {@link ReaderModel} of its own (one per
     * job) that reads the suite's likeliest failures and takes the other readings as the plain
     * code's; every real measure tells the model which readings it assumed wrongly, and reads
     * again none that a prediction of the same image read ({@link SuiteMemo}).
     */
    private RepairGoal goal(QrSymbol symbol, int modulePixels, double target, double maxPixelsChanged) {
        ReaderModel model = new ReaderModel();
        SuiteMemo memo = new SuiteMemo();
        RepairGoal.Measure real = (image, floor) -> {
            QrVerifier.SuiteRun run = verifier.run(
                    image,
                    symbol.content(),
                    modulePixels,
                    minPasses(floor, symbol, modulePixels),
                    r -> true,
                    r -> true,
                    memo);
            model.saw(run.failed().stream().filter(r -> !model.reads(r)).toList());
            return relative(QrVerifier.robustness(run.passes()), symbol, modulePixels);
        };
        RepairGoal.Measure predicted = (image, floor) -> {
            Set<SuiteOrder.Reading> plainReads =
                    plainReference(symbol, modulePixels).reading();
            QrVerifier.SuiteRun run = verifier.run(
                    image,
                    symbol.content(),
                    modulePixels,
                    minPasses(floor, symbol, modulePixels),
                    model::reads,
                    plainReads::contains,
                    memo);
            return relative(QrVerifier.robustness(run.passes()), symbol, modulePixels);
        };
        return new RepairGoal(target, maxPixelsChanged, real, predicted);
    }
}
