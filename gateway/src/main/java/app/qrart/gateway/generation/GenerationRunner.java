package app.qrart.gateway.generation;

import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.inference.InferenceException;
import app.qrart.gateway.inference.InferencePayload;
import app.qrart.gateway.inference.InferenceService;
import app.qrart.gateway.inference.ModelServerOutOfMemoryException;
import app.qrart.gateway.inference.OutageListener;
import app.qrart.gateway.qr.encode.CanvasTooSmallException;
import app.qrart.gateway.qr.encode.QrEncoder;
import app.qrart.gateway.qr.encode.QrSymbol;
import app.qrart.gateway.qr.gate.ScanGate;
import app.qrart.gateway.retry.Backoff;
import app.qrart.gateway.storage.ImageKeys;
import app.qrart.gateway.storage.ImageStore;
import app.qrart.gateway.storage.ImageStoreException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Runs one accepted generation to its end in rounds: encode, TorchServe (all candidates at once,
 * so TorchServe can batch them), the {@link ScanGate}, then image and record. Any failure ends as
 * a recorded "failed" with a plain reason; the image is written before the record pointing at it.
 */
@ApplicationScoped
public class GenerationRunner {

    private static final Logger LOG = Logger.getLogger(GenerationRunner.class);
    static final int THUMBNAIL_SIDE = 256;
    static final String WAITING = "waiting for the model server";

    private final QrEncoder encoder;
    private final ScanGate gate;
    private final ScanConfig scan;
    private final GenerationConfig limits;
    private final InferenceService inference;
    private final ImageStore images;
    private final GenerationRepository records;
    private final Backoff writes;
    private final ManagedExecutor executor;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();

    public GenerationRunner(
            QrEncoder encoder,
            ScanGate gate,
            ScanConfig scan,
            GenerationConfig limits,
            InferenceService inference,
            ImageStore images,
            GenerationRepository records,
            StorageConfig storage,
            ManagedExecutor executor,
            MeterRegistry registry) {
        this.encoder = encoder;
        this.gate = gate;
        this.scan = scan;
        this.limits = limits;
        this.inference = inference;
        this.images = images;
        this.records = records;
        this.writes = new Backoff(storage.writeAttempts(), storage.writeBackoff());
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
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs the job to its recorded end; true when it ends done. */
    private boolean attempt(Generation queued) {
        // Candidate threads report model server waits into the same job state.
        AtomicReference<Generation> job = new AtomicReference<>(queued);
        try {
            saveProgress(job.updateAndGet(g -> g.running(0.05, clock.instant())));
            QrSymbol symbol = encoder.encode(queued.content());
            Parameters requested = queued.parameters();
            boolean resized = false;
            ScanGate.Delivery kept = null;
            Parameters keptParameters = null;
            int roundsRun = 0;
            for (int round = 0; round <= scan.retryRounds(); round++) {
                Parameters used = escalated(requested, round);
                List<BufferedImage> candidates;
                try {
                    candidates = generateCandidates(job, used, control(symbol, used.size()));
                } catch (ModelServerOutOfMemoryException e) {
                    if (kept != null) {
                        // A round for robustness that no longer fits keeps what an earlier round delivered.
                        break;
                    }
                    OptionalInt smaller = resized ? OptionalInt.empty() : smallerSize(symbol, requested);
                    if (smaller.isEmpty()) {
                        LOG.warnf(
                                "generation %s: one image of size %d does not fit: %s",
                                queued.id(), used.size(), e.detail());
                        fail(job.get(), FailureReasons.gpuTooSmall(used.size(), requested.allowSmallerSize()));
                        return false;
                    }
                    LOG.infof(
                            "generation %s: size %d does not fit the GPU; again at %d",
                            queued.id(), used.size(), smaller.getAsInt());
                    requested = requested.resized(smaller.getAsInt());
                    resized = true;
                    round--;
                    continue;
                }
                roundsRun = round + 1;
                double progress = progressAfter(round);
                saveProgress(job.updateAndGet(g -> g.running(progress, clock.instant())));
                Optional<ScanGate.Delivery> delivery = gate.deliver(candidates, symbol, roundsRun, used.scanStrength());
                if (delivery.isEmpty()) {
                    LOG.infof(
                            "generation %s: no candidate scanned in round %d, even after repair",
                            queued.id(), roundsRun);
                    continue;
                }
                if (delivery.get().betterThan(kept)) {
                    kept = delivery.get();
                    keptParameters = used;
                }
                if (kept.report().robustnessTargetMet() || !scan.retryForRobustness()) {
                    break;
                }
                LOG.infof(
                        "generation %s: round %d scans but is short of the %s robustness target",
                        queued.id(), roundsRun, used.scanStrength().apiName());
            }
            if (kept != null) {
                store(job.get(), keptParameters, kept.afterRounds(roundsRun));
                registry.counter("qrart.generation.rounds", "rounds", String.valueOf(roundsRun))
                        .increment();
                return true;
            }
            fail(job.get(), FailureReasons.unscannable(scan.retryRounds() + 1));
        } catch (RuntimeException e) {
            String detail = e instanceof InferenceException inference ? inference.detail() : e.getMessage();
            LOG.warnf("generation %s failed: %s (%s)", queued.id(), e.getClass().getSimpleName(), detail);
            fail(job.get(), FailureReasons.of(e));
        }
        return false;
    }

    private String control(QrSymbol symbol, int size) {
        return ImageCodec.base64Png(encoder.render(symbol, size));
    }

    /** The next smaller allowed size the code still fits, when the request allows one. */
    private OptionalInt smallerSize(QrSymbol symbol, Parameters requested) {
        if (!requested.allowSmallerSize()) {
            return OptionalInt.empty();
        }
        return limits.allowedSizes().stream()
                .filter(size -> size < requested.size())
                .filter(size -> fits(symbol, size))
                .mapToInt(Integer::intValue)
                .max();
    }

    private boolean fits(QrSymbol symbol, int size) {
        try {
            encoder.requireCanvasFits(symbol, size);
            return true;
        } catch (CanvasTooSmallException e) {
            return false;
        }
    }

    /**
     * Round 0 uses the request as given; each further round new seeds and a firmer QR control,
     * the two knobs that most raise the odds of a scan.
     */
    Parameters escalated(Parameters p, int round) {
        if (round == 0) {
            return p;
        }
        double scale = Math.min(limits.maxControlnetScale(), p.controlnetScale() + round * scan.retryControlnetStep());
        return p.escalated(p.seed() + (long) round * p.candidates(), scale);
    }

    private double progressAfter(int round) {
        return Math.min(0.95, 0.8 + 0.05 * round);
    }

    /** Image before record: a record that says done always has its image. */
    private void store(Generation current, Parameters used, ScanGate.Delivery delivery) {
        String key = ImageKeys.image(current.id());
        String thumbKey = ImageKeys.thumbnail(current.id());
        try {
            writes.run(() -> {
                images.put(key, ImageCodec.png(delivery.image()));
                images.put(thumbKey, ImageCodec.png(ImageCodec.thumbnail(delivery.image(), THUMBNAIL_SIDE)));
            });
        } catch (RuntimeException e) {
            throw new ImageStoreException(e);
        }
        save(current.withParameters(used).done(key, delivery.report(), clock.instant()));
    }

    private List<BufferedImage> generateCandidates(AtomicReference<Generation> job, Parameters p, String control) {
        String id = job.get().id();
        OutageListener waiting = (attempt, outage) -> {
            LOG.infof("generation %s: %s; trying again (attempt %d)", id, outage.getMessage(), attempt + 1);
            saveProgress(job.updateAndGet(g -> g.waitingForModelServer(WAITING, clock.instant())));
        };
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
                    id + "-" + i,
                    p.controlGuidanceStart(),
                    p.controlGuidanceEnd());
            calls.add(CompletableFuture.supplyAsync(() -> inference.generate(payload, waiting), executor));
        }
        try {
            return calls.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void fail(Generation generation, String reason) {
        try {
            save(generation.failed(reason, clock.instant()));
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
        writes.run(() -> records.save(generation));
    }
}
