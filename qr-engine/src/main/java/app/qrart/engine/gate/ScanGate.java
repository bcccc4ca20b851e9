package app.qrart.engine.gate;

import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.analysis.ScanAnalysis;
import app.qrart.engine.analysis.ScanAnalyzer;
import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.costs.PathCosts.Part;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.image.Ssim;
import app.qrart.engine.locate.SymbolLocator;
import app.qrart.engine.repair.CandidateRanking;
import app.qrart.engine.repair.QrRepairer;
import app.qrart.engine.repair.Repair;
import app.qrart.engine.repair.RepairGoal;
import app.qrart.engine.verify.QrDecoder;
import app.qrart.engine.verify.QrVerifier;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What to deliver of a round of candidates. The gate is hard: only an image every reader of
 * {@link QrDecoder} reads exactly is delivered. Of the candidates that read unaided, the best by
 * {@link CandidateRanking} (relative robustness against the strength's target); when it falls
 * short of the target it is repaired further towards it. When none reads, every candidate is
 * repaired towards the target and the best repair is delivered; when no repair reads, nothing.
 */
public class ScanGate {

    static final String DECODERS = Arrays.stream(QrDecoder.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining("+"));

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final QrRepairer repairer;
    private final ScanAnalyzer analyzer;
    private final RobustnessMeter meter;
    private final ScanPolicy policy;
    private final ScanListener listener;
    private final ScanPathTimer timer;

    public ScanGate(
            QrEncoder encoder,
            QrVerifier verifier,
            QrRepairer repairer,
            ScanAnalyzer analyzer,
            RobustnessMeter meter,
            ScanPolicy policy,
            ScanListener listener) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.repairer = repairer;
        this.analyzer = analyzer;
        this.meter = meter;
        this.policy = policy;
        this.listener = listener;
        this.timer = new ScanPathTimer(listener);
    }

    /** The image to deliver and its report. */
    public record Delivery(BufferedImage image, ScanReport report) {

        /** The same delivery, reported as made in this many rounds. */
        public Delivery afterRounds(int total) {
            return new Delivery(image, report.afterRounds(total));
        }

        /** Whether this delivery ranks above the other (null: none) by {@link CandidateRanking}. */
        public boolean betterThan(Delivery other) {
            return other == null || CandidateRanking.BEST_LAST.compare(score(), other.score()) > 0;
        }

        private CandidateRanking.Score score() {
            return new CandidateRanking.Score(
                    report.robustnessTargetMet(), report.relativeRobustness(), report.pixelsChangedShare());
        }
    }

    /**
     * The delivery for these candidates of {@code symbol}, made in {@code rounds} rounds, if any
     * passes. Its wall and CPU time are told to the {@link ScanListener}, tagged {@code code=drawn}.
     */
    public Optional<Delivery> deliver(
            List<BufferedImage> candidates, QrSymbol symbol, int rounds, ScanStrength strength) {
        return timer.record("drawn", () -> judged(candidates, symbol, rounds, strength));
    }

    private Optional<Delivery> judged(
            List<BufferedImage> candidates, QrSymbol symbol, int rounds, ScanStrength strength) {
        String content = symbol.content();
        List<BufferedImage> verified = candidates.stream()
                .filter(image -> PathCosts.time(Part.GATE, () -> verifier.readsExactly(image, content)))
                .toList();
        listener.checked(!verified.isEmpty());
        int modulePixels = encoder.modulePixels(symbol, candidates.get(0).getWidth());
        Round round = new Round(symbol, modulePixels, strength, meter.goal(symbol, modulePixels, strength), rounds);
        Optional<Candidate> chosen;
        if (verified.isEmpty()) {
            chosen = bestRepair(candidates, round);
            listener.repaired(chosen.isPresent());
        } else {
            chosen = Optional.of(bestVerified(verified, round));
        }
        Optional<Delivery> delivery = chosen.map(c -> report(
                c,
                round,
                candidates.size(),
                verified.size(),
                analyzer.analyse(c.result().image(), symbol),
                c.result().image()));
        delivery.ifPresent(d -> listener.delivered(d.report().robustnessTargetMet()));
        return delivery;
    }

    /**
     * A code located in an existing picture, as the gate would deliver it at this strength: as it
     * is when every reader reads it and it meets the target, else repaired in place towards the
     * target (kept as it is when no repair ranks higher); no image when nothing reads.
     */
    public Repair inPlace(BufferedImage picture, SymbolLocator.Located located, ScanStrength strength) {
        RepairGoal goal = meter.inPlaceGoal(located.symbol(), located.modulePixels(), strength);
        if (!located.readsUnaided()) {
            return policy.repair() ? repairer.repair(picture, located, goal) : Repair.none();
        }
        return hardened(
                goal.unchanged(picture, located.asRead(picture)), () -> repairer.repair(picture, located, goal));
    }

    /**
     * A code located in a picture someone wants fixed: kept exactly as it is when every reader
     * already reads it (the report says so), else repaired in place towards the strength's target;
     * nothing when no repair reads. Its wall and CPU time are told to the {@link ScanListener},
     * tagged {@code code=located}.
     */
    public Optional<Delivery> fixInPlace(BufferedImage picture, SymbolLocator.Located located, ScanStrength strength) {
        return timer.record("located", () -> fixed(picture, located, strength));
    }

    private Optional<Delivery> fixed(BufferedImage picture, SymbolLocator.Located located, ScanStrength strength) {
        RepairGoal goal = meter.inPlaceGoal(located.symbol(), located.modulePixels(), strength);
        Repair result = located.readsUnaided()
                ? goal.unchanged(picture, located.asRead(picture))
                : policy.repair() ? repairer.repair(picture, located, goal) : Repair.none();
        if (result.image() == null) {
            return Optional.empty();
        }
        Round round = new Round(located.symbol(), located.modulePixels(), strength, goal, 1);
        Candidate chosen = new Candidate(picture, result);
        ModuleGrid grid = located.grid().shifted(result.margin(), result.margin());
        ScanAnalysis analysis = analyzer.analyse(located.asRead(result.image()), located.symbol(), grid);
        BufferedImage inside = chosen.repaired()
                ? result.image().getSubimage(result.margin(), result.margin(), picture.getWidth(), picture.getHeight())
                : picture;
        return Optional.of(report(chosen, round, 1, located.readsUnaided() ? 1 : 0, analysis, inside));
    }

    /**
     * An image every reader reads, as it is when it meets its target (or repair is off), else its
     * repair towards the target when that ranks higher.
     */
    private Repair hardened(Repair asIs, Supplier<Repair> repair) {
        if (asIs.targetMet() || !policy.repair()) {
            return asIs;
        }
        Repair repaired = repair.get();
        return repaired.betterThan(asIs) ? repaired : asIs;
    }

    /** What one round's images are judged against. */
    private record Round(QrSymbol symbol, int modulePixels, ScanStrength strength, RepairGoal goal, int rounds) {

        /**
         * A candidate that reads as generated, measured against the goal; exactly only when it
         * can rank above {@code best} (any unrepaired candidate must be more robust to do so).
         */
        Candidate unrepaired(BufferedImage image, Candidate best) {
            double floor =
                    best == null ? Double.NEGATIVE_INFINITY : best.result().robustness();
            return new Candidate(image, goal.unchanged(image, image, floor));
        }
    }

    /** A candidate as generated and what the gate made of it (itself when unrepaired). */
    private record Candidate(BufferedImage generated, Repair result) {

        boolean repaired() {
            return result.image() != generated;
        }

        CandidateRanking.Score score() {
            return result.score();
        }
    }

    /**
     * The best candidate that reads as generated; when it falls short of the target, its repair
     * towards the target if that ranks higher.
     */
    private Candidate bestVerified(List<BufferedImage> verified, Round round) {
        Candidate best = null;
        for (BufferedImage image : verified) {
            Candidate candidate = round.unrepaired(image, best);
            if (best == null || CandidateRanking.BEST_LAST.compare(candidate.score(), best.score()) > 0) {
                best = candidate;
            }
        }
        BufferedImage generated = best.generated();
        return new Candidate(
                generated, hardened(best.result(), () -> repairer.repair(generated, round.symbol(), round.goal())));
    }

    /** The best repaired candidate by {@link CandidateRanking}, if any repair reads. */
    private Optional<Candidate> bestRepair(List<BufferedImage> candidates, Round round) {
        if (!policy.repair()) {
            return Optional.empty();
        }
        return candidates.stream()
                .map(image -> new Candidate(image, repairer.repair(image, round.symbol(), round.goal())))
                .filter(candidate -> candidate.result().image() != null)
                .max(Comparator.comparing(Candidate::score, CandidateRanking.BEST_LAST));
    }

    /** The report of a chosen candidate; {@code compared} is the part of the result SSIM compares with the original. */
    private Delivery report(
            Candidate chosen, Round round, int tried, int verified, ScanAnalysis analysis, BufferedImage compared) {
        Repair result = chosen.result();
        BufferedImage image = result.image();
        double plain = meter.plain(round.symbol(), round.modulePixels());
        ScanReport report = new ScanReport(
                true,
                DECODERS,
                tried,
                verified,
                chosen.repaired(),
                result.modulesTouched(),
                result.pixelsChangedShare(),
                chosen.repaired() ? Ssim.of(chosen.generated(), compared) : 1.0,
                result.robustness() * plain,
                round.rounds(),
                analysis,
                round.strength().apiName(),
                plain,
                result.robustness(),
                round.goal().target(),
                result.targetMet(),
                result.margin(),
                round.symbol().version(),
                round.symbol().content());
        return new Delivery(image, report);
    }
}
