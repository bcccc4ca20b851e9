package app.qrart.gateway.qr.gate;

import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.qr.analysis.ScanAnalyzer;
import app.qrart.gateway.qr.encode.QrEncoder;
import app.qrart.gateway.qr.encode.QrSymbol;
import app.qrart.gateway.qr.image.Ssim;
import app.qrart.gateway.qr.repair.QrRepairer;
import app.qrart.gateway.qr.verify.QrVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What to deliver of a round of candidates: the most robust one that both decoders read exactly
 * unaided; when none does, every candidate is repaired and the best repair by
 * {@link CandidateRanking} is delivered; when no repair reads either, nothing.
 */
@ApplicationScoped
public class ScanGate {

    static final String DECODERS = "zxing+boofcv";

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final QrRepairer repairer;
    private final ScanAnalyzer analyzer;
    private final ScanConfig scan;
    private final MeterRegistry registry;

    public ScanGate(
            QrEncoder encoder,
            QrVerifier verifier,
            QrRepairer repairer,
            ScanAnalyzer analyzer,
            ScanConfig scan,
            MeterRegistry registry) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.repairer = repairer;
        this.analyzer = analyzer;
        this.scan = scan;
        this.registry = registry;
    }

    /** The image to deliver and its report. */
    public record Delivery(BufferedImage image, ScanReport report) {}

    /** The delivery for these candidates of {@code symbol}, made in {@code rounds} rounds, if any passes. */
    public Optional<Delivery> deliver(List<BufferedImage> candidates, QrSymbol symbol, int rounds) {
        String content = symbol.content();
        List<BufferedImage> verified = candidates.stream()
                .filter(image -> verifier.readsExactly(image, content))
                .toList();
        registry.counter("qrart.scan.checks", "result", verified.isEmpty() ? "fail" : "pass")
                .increment();
        int modulePixels = encoder.modulePixels(symbol, candidates.get(0).getWidth());
        if (!verified.isEmpty()) {
            Scored most = mostRobust(verified, content, modulePixels);
            ScanReport report = new ScanReport(
                    true,
                    DECODERS,
                    candidates.size(),
                    verified.size(),
                    false,
                    0,
                    0.0,
                    1.0,
                    most.score().robustness(),
                    rounds,
                    analyzer.analyse(most.image(), symbol));
            return Optional.of(new Delivery(most.image(), report));
        }
        Optional<Repaired> best = bestRepair(candidates, symbol, modulePixels);
        registry.counter("qrart.scan.repairs", "result", best.isEmpty() ? "fail" : "pass")
                .increment();
        return best.map(repaired -> repaired.delivery(candidates.size(), rounds, analyzer, symbol));
    }

    private record Scored(BufferedImage image, CandidateRanking.Score score) {}

    private record Repaired(BufferedImage candidate, QrRepairer.Repair repair, CandidateRanking.Score score) {

        Delivery delivery(int tried, int rounds, ScanAnalyzer analyzer, QrSymbol symbol) {
            BufferedImage image = repair.image();
            ScanReport report = new ScanReport(
                    true,
                    DECODERS,
                    tried,
                    0,
                    true,
                    repair.modulesTouched(),
                    repair.pixelsChangedShare(),
                    Ssim.of(candidate, image),
                    score.robustness(),
                    rounds,
                    analyzer.analyse(image, symbol));
            return new Delivery(image, report);
        }
    }

    /** The verified candidate {@link CandidateRanking} puts first (none was repaired: the most robust). */
    private Scored mostRobust(List<BufferedImage> verified, String content, int modulePixels) {
        return verified.stream()
                .map(image -> new Scored(
                        image, new CandidateRanking.Score(verifier.robustness(image, content, modulePixels), 0)))
                .max(Comparator.comparing(Scored::score, CandidateRanking.BEST_LAST))
                .orElseThrow();
    }

    /** The best repaired candidate (most robust, then fewest pixels changed), if any repair reads. */
    private Optional<Repaired> bestRepair(List<BufferedImage> candidates, QrSymbol symbol, int modulePixels) {
        if (!scan.repair()) {
            return Optional.empty();
        }
        return candidates.stream()
                .map(image -> repaired(image, repairer.repair(image, symbol), symbol.content(), modulePixels))
                .filter(repaired -> repaired.repair().image() != null)
                .max(Comparator.comparing(Repaired::score, CandidateRanking.BEST_LAST));
    }

    private Repaired repaired(BufferedImage candidate, QrRepairer.Repair repair, String content, int modulePixels) {
        double robustness = repair.image() == null ? 0 : verifier.robustness(repair.image(), content, modulePixels);
        return new Repaired(candidate, repair, new CandidateRanking.Score(robustness, repair.pixelsChangedShare()));
    }
}
