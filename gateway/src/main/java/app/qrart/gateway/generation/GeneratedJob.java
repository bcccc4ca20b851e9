package app.qrart.gateway.generation;

import app.qrart.engine.encode.CanvasTooSmallException;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.gate.ScanGate;
import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.config.ScanConfig;
import app.qrart.gateway.inference.InferenceException;
import app.qrart.gateway.inference.InferencePayload;
import app.qrart.gateway.inference.InferenceService;
import app.qrart.gateway.inference.ModelServerOutOfMemoryException;
import app.qrart.gateway.inference.OutageListener;
import app.qrart.gateway.job.Generation;
import app.qrart.gateway.job.ImageCodec;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.JobRecords;
import app.qrart.gateway.job.LeaseLostException;
import app.qrart.gateway.job.Parameters;
import app.qrart.gateway.links.ShortLinks;
import app.qrart.gateway.validation.GenerationRequest;
import app.qrart.gateway.validation.InvalidFieldException;
import app.qrart.gateway.validation.RequestValidator;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
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
 * A generation from a prompt. Checked when submitted; run to its end in rounds: encode, TorchServe (all candidates at once,
 * so TorchServe can batch them), the {@link ScanGate}, then image and record ({@link JobRecords}).
 * Any failure ends as a recorded "failed" with a plain reason.
 */
@ApplicationScoped
public class GeneratedJob implements JobType {

    private static final Logger LOG = Logger.getLogger(GeneratedJob.class);
    static final String WAITING = "waiting for the model server";

    private final QrEncoder encoder;
    private final RequestValidator validator;
    private final ScanGate gate;
    private final ScanConfig scan;
    private final GenerationConfig limits;
    private final InferenceService inference;
    private final JobRecords jobs;
    private final ManagedExecutor executor;
    private final MeterRegistry registry;

    public GeneratedJob(
            QrEncoder encoder,
            RequestValidator validator,
            ScanGate gate,
            ScanConfig scan,
            GenerationConfig limits,
            InferenceService inference,
            JobRecords jobs,
            ManagedExecutor executor,
            MeterRegistry registry) {
        this.encoder = encoder;
        this.validator = validator;
        this.gate = gate;
        this.scan = scan;
        this.limits = limits;
        this.inference = inference;
        this.jobs = jobs;
        this.executor = executor;
        this.registry = registry;
    }

    @Override
    public JobKind kind() {
        return JobKind.GENERATED;
    }

    /** Checks a generation request: fields, then that its code fits the canvas. */
    public PreparedJob prepare(GenerationRequest request) {
        if (request == null) {
            throw new InvalidFieldException("body", "a JSON body is required");
        }
        String content = validator.content(request.content(), request.contentFields(), request.shortLink());
        Parameters parameters = validator.parameters(request);
        ShortLinks.Draft link = validator.shortLink(request.shortLink(), content, parameters.errorCorrection());
        String encoded = link == null ? content : link.url();
        encoder.requireCanvasFits(encoder.encodeShortest(encoded, parameters.level()), parameters.size());
        return new PreparedJob(JobKind.GENERATED, content, link, parameters, null);
    }

    @Override
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
            jobs.saveProgress(job.updateAndGet(g -> g.running(0.05, jobs.now())));
            QrSymbol symbol = encoder.encodeShortest(
                    queued.encodedText(), queued.parameters().level());
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
                        jobs.fail(job.get(), FailureReasons.gpuTooSmall(used.size(), requested.allowSmallerSize()));
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
                jobs.saveProgress(job.updateAndGet(g -> g.running(progress, jobs.now())));
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
                Parameters used = keptParameters;
                ScanGate.Delivery delivered = kept.afterRounds(roundsRun);
                jobs.done(job.get(), delivered.image(), delivered.report(), g -> g.withParameters(used));
                registry.counter("qrart.generation.rounds", "rounds", String.valueOf(roundsRun))
                        .increment();
                return true;
            }
            jobs.fail(job.get(), FailureReasons.unscannable(scan.retryRounds() + 1));
        } catch (LeaseLostException e) {
            LOG.infof("generation %s: result discarded: %s", queued.id(), e.getMessage());
        } catch (RuntimeException e) {
            String detail = e instanceof InferenceException inference ? inference.detail() : e.getMessage();
            LOG.warnf("generation %s failed: %s (%s)", queued.id(), e.getClass().getSimpleName(), detail);
            jobs.fail(job.get(), FailureReasons.of(e));
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

    private List<BufferedImage> generateCandidates(AtomicReference<Generation> job, Parameters p, String control) {
        String id = job.get().id();
        OutageListener waiting = (attempt, outage) -> {
            LOG.infof("generation %s: %s; trying again (attempt %d)", id, outage.getMessage(), attempt + 1);
            jobs.saveProgress(job.updateAndGet(g -> g.waitingForModelServer(WAITING, jobs.now())));
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
}
