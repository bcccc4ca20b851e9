package app.qrart.gateway.generation;

import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.inference.InferencePayload;
import app.qrart.gateway.inference.InferenceService;
import app.qrart.gateway.qr.QrEncoder;
import app.qrart.gateway.qr.QrRepairer;
import app.qrart.gateway.qr.QrSymbol;
import app.qrart.gateway.qr.QrVerifier;
import app.qrart.gateway.qr.ScanAnalyzer;
import app.qrart.gateway.qr.Ssim;
import app.qrart.gateway.records.GenerationRepository;
import app.qrart.gateway.storage.ImageKeys;
import app.qrart.gateway.storage.ImageStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Runs one accepted generation to its end: encode → TorchServe (all candidates at once, so
 * TorchServe can batch them) → scan check → PNG → image store → record. Any failure ends as a
 * recorded "failed" with a reason; the image is written before the record that points at it.
 */
@ApplicationScoped
public class GenerationRunner {

    private static final Logger LOG = Logger.getLogger(GenerationRunner.class);
    static final int THUMBNAIL_SIDE = 256;
    static final String DECODERS = "zxing+boofcv";

    private final QrEncoder encoder;
    private final QrVerifier verifier;
    private final QrRepairer repairer;
    private final ScanAnalyzer analyzer;
    private final ScanConfig scan;
    private final InferenceService inference;
    private final ImageStore images;
    private final GenerationRepository records;
    private final StorageConfig storage;
    private final ManagedExecutor executor;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();

    public GenerationRunner(
            QrEncoder encoder,
            QrVerifier verifier,
            QrRepairer repairer,
            ScanAnalyzer analyzer,
            ScanConfig scan,
            InferenceService inference,
            ImageStore images,
            GenerationRepository records,
            StorageConfig storage,
            ManagedExecutor executor,
            MeterRegistry registry) {
        this.encoder = encoder;
        this.verifier = verifier;
        this.repairer = repairer;
        this.analyzer = analyzer;
        this.scan = scan;
        this.inference = inference;
        this.images = images;
        this.records = records;
        this.storage = storage;
        this.executor = executor;
        this.registry = registry;
    }

    public void run(Generation queued) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            outcome = attempt(queued) ? "done" : "failed";
        } finally {
            registry.timer("qrart.generation.duration", "outcome", outcome)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Runs the job to its recorded end; true when it ends done. */
    private boolean attempt(Generation queued) {
        Generation current = queued;
        try {
            current = current.running(0.05, clock.instant());
            saveProgress(current);
            QrSymbol symbol = encoder.encode(current.content());
            String control = ImageCodec.base64Png(
                    encoder.render(symbol, current.parameters().size()));
            for (int round = 0; round <= scan.retryRounds(); round++) {
                Parameters used = escalated(current.parameters(), round);
                List<BufferedImage> candidates = generateCandidates(current.id(), used, control);
                current = current.running(progressAfter(round), clock.instant());
                saveProgress(current);
                Delivery delivery = check(candidates, symbol, current.content(), round + 1);
                if (delivery != null) {
                    store(current, used, delivery);
                    registry.counter("qrart.generation.rounds", "rounds", String.valueOf(round + 1))
                            .increment();
                    return true;
                }
                LOG.infof(
                        "generation %s: no candidate scanned in round %d, even after repair", current.id(), round + 1);
            }
            fail(
                    current,
                    "none of the candidates of " + (scan.retryRounds() + 1) + " round(s) scanned back to the "
                            + "content, even after repair; try a higher controlnetScale or a shorter content");
        } catch (RuntimeException e) {
            LOG.warnf("generation %s failed: %s", queued.id(), e.getMessage());
            fail(current, e.getMessage());
        }
        return false;
    }

    /** The image to deliver and its report. */
    private record Delivery(BufferedImage image, ScanReport report) {}

    /**
     * Round 0 uses the request as given; each further round new seeds and a firmer QR control,
     * the two knobs that most raise the odds of a scan.
     */
    Parameters escalated(Parameters p, int round) {
        if (round == 0) {
            return p;
        }
        double scale = Math.min(
                RequestValidator.CONTROLNET_SCALE.max(), p.controlnetScale() + round * scan.retryControlnetStep());
        return new Parameters(
                p.prompt(),
                p.negativePrompt(),
                p.strength(),
                scale,
                p.guidanceScale(),
                p.steps(),
                p.seed() + (long) round * p.candidates(),
                p.size(),
                p.candidates());
    }

    private double progressAfter(int round) {
        return Math.min(0.95, 0.8 + 0.05 * round);
    }

    /** The most robust candidate that reads unaided, else the least-changed repair, else null. */
    private Delivery check(List<BufferedImage> candidates, QrSymbol symbol, String content, int rounds) {
        List<BufferedImage> verified = candidates.stream()
                .filter(image -> verifier.readsExactly(image, content))
                .toList();
        registry.counter("qrart.scan.checks", "result", verified.isEmpty() ? "fail" : "pass")
                .increment();
        int modulePixels = encoder.modulePixels(symbol, candidates.get(0).getWidth());
        if (!verified.isEmpty()) {
            Scored most = mostRobust(verified, content, modulePixels);
            return new Delivery(
                    most.image(),
                    new ScanReport(
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
                            analyzer.analyse(most.image(), symbol)));
        }
        Repaired best = bestRepair(candidates, symbol, content, modulePixels);
        registry.counter("qrart.scan.repairs", "result", best == null ? "fail" : "pass")
                .increment();
        if (best == null) {
            return null;
        }
        QrRepairer.Repair repair = best.repair();
        return new Delivery(
                repair.image(),
                new ScanReport(
                        true,
                        DECODERS,
                        candidates.size(),
                        0,
                        true,
                        repair.modulesTouched(),
                        repair.pixelsChangedShare(),
                        Ssim.of(best.candidate(), repair.image()),
                        best.score().robustness(),
                        rounds,
                        analyzer.analyse(repair.image(), symbol)));
    }

    private record Repaired(BufferedImage candidate, QrRepairer.Repair repair, CandidateRanking.Score score) {}

    /** Image before record: a record that says done always has its image. */
    private void store(Generation current, Parameters used, Delivery delivery) {
        String key = ImageKeys.image(current.id());
        String thumbKey = ImageKeys.thumbnail(current.id());
        try {
            retrying(() -> {
                images.put(key, ImageCodec.png(delivery.image()));
                images.put(thumbKey, ImageCodec.png(ImageCodec.thumbnail(delivery.image(), THUMBNAIL_SIDE)));
                return null;
            });
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the image store is unavailable, the image could not be saved (" + e.getMessage() + ")", e);
        }
        save(current.withParameters(used).done(key, delivery.report(), clock.instant()));
    }

    private record Scored(BufferedImage image, CandidateRanking.Score score) {}

    /** The verified candidate {@link CandidateRanking} puts first (none was repaired: the most robust). */
    private Scored mostRobust(List<BufferedImage> verified, String content, int modulePixels) {
        return verified.stream()
                .map(image -> new Scored(
                        image, new CandidateRanking.Score(verifier.robustness(image, content, modulePixels), 0)))
                .max(Comparator.comparing(Scored::score, CandidateRanking.BEST_LAST))
                .orElseThrow();
    }

    /**
     * The best repaired candidate by {@link CandidateRanking} (most robust, then fewest pixels
     * changed), or null when none can be repaired.
     */
    private Repaired bestRepair(List<BufferedImage> candidates, QrSymbol symbol, String content, int modulePixels) {
        if (!scan.repair()) {
            return null;
        }
        return candidates.stream()
                .map(image -> repaired(image, repairer.repair(image, symbol), content, modulePixels))
                .filter(repaired -> repaired.repair().image() != null)
                .max(Comparator.comparing(Repaired::score, CandidateRanking.BEST_LAST))
                .orElse(null);
    }

    private Repaired repaired(BufferedImage candidate, QrRepairer.Repair repair, String content, int modulePixels) {
        double robustness = repair.image() == null ? 0 : verifier.robustness(repair.image(), content, modulePixels);
        return new Repaired(candidate, repair, new CandidateRanking.Score(robustness, repair.pixelsChangedShare()));
    }

    private List<BufferedImage> generateCandidates(String id, Parameters p, String control) {
        List<CompletableFuture<BufferedImage>> calls = new ArrayList<>();
        for (int i = 0; i < p.candidates(); i++) {
            InferencePayload payload = new InferencePayload(
                    p.prompt(),
                    p.negativePrompt(),
                    control,
                    p.strength(),
                    p.controlnetScale(),
                    p.guidanceScale(),
                    p.steps(),
                    p.seed() + i,
                    p.size(),
                    p.size(),
                    id + "-" + i);
            calls.add(CompletableFuture.supplyAsync(() -> inference.generate(payload), executor));
        }
        try {
            return calls.stream().map(CompletableFuture::join).toList();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void fail(Generation generation, String reason) {
        try {
            retrying(() -> {
                records.save(generation.failed(reason == null ? "unknown failure" : reason, clock.instant()));
                return null;
            });
        } catch (RuntimeException e) {
            // The record store is down: the job stays unfinished and is failed on the next start.
            LOG.errorf("could not record the failure of %s: %s", generation.id(), e.getMessage());
        }
    }

    /**
     * Progress is worth recording, not worth the job: when the record store stays down through
     * the write retries the job goes on, and only its outcome must be written.
     */
    private void saveProgress(Generation generation) {
        try {
            save(generation);
        } catch (RuntimeException e) {
            LOG.warnf("generation %s: progress not recorded, going on: %s", generation.id(), e.getMessage());
        }
    }

    private void save(Generation generation) {
        retrying(() -> {
            records.save(generation);
            return null;
        });
    }

    private <T> T retrying(Supplier<T> action) {
        RuntimeException last = null;
        long pause = storage.writeBackoff().toMillis();
        for (int attempt = 1; attempt <= storage.writeAttempts(); attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                last = e;
                if (attempt < storage.writeAttempts()) {
                    sleepQuietly(pause);
                    pause *= 2;
                }
            }
        }
        throw last;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
