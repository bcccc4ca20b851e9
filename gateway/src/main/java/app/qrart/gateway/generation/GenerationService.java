package app.qrart.gateway.generation;

import app.qrart.gateway.api.ApiException;
import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.inference.InferenceService;
import app.qrart.gateway.qr.QrEncoder;
import app.qrart.gateway.records.GalleryCursor;
import app.qrart.gateway.records.GenerationRepository;
import app.qrart.gateway.storage.ImageKeys;
import app.qrart.gateway.storage.ImageStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Accepts generations, runs them off the event loop with bounded admission, answers status and gallery. */
@ApplicationScoped
public class GenerationService {

    private static final Logger LOG = Logger.getLogger(GenerationService.class);
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final Duration POLL = Duration.ofMillis(200);

    private final RequestValidator validator;
    private final QrEncoder encoder;
    private final GenerationRepository records;
    private final ImageStore images;
    private final GenerationRunner runner;
    private final GenerationConfig config;
    private final ClientRateLimiter rateLimiter;
    private final InferenceService inference;
    private final Semaphore admission;
    private final int capacity;
    private final ExecutorService workers;
    private final ScheduledExecutorService recovery = Executors.newSingleThreadScheduledExecutor();
    /** Generations running or queued in this process. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public GenerationService(
            RequestValidator validator,
            QrEncoder encoder,
            GenerationRepository records,
            ImageStore images,
            GenerationRunner runner,
            GenerationConfig config,
            ClientRateLimiter rateLimiter,
            InferenceService inference) {
        this.rateLimiter = rateLimiter;
        this.inference = inference;
        this.validator = validator;
        this.encoder = encoder;
        this.records = records;
        this.images = images;
        this.runner = runner;
        this.config = config;
        int capacity = config.maxConcurrent() + config.maxQueued();
        this.admission = new Semaphore(capacity);
        this.workers = Executors.newFixedThreadPool(config.maxConcurrent());
        this.capacity = capacity;
    }

    /** Validates, then admits: model server not overloaded, the client within its rate, a free slot. */
    public Generation submit(GenerationRequest request, String client) {
        if (request == null) {
            throw ApiException.badField("body", "a JSON body is required");
        }
        String content = validator.content(request);
        Parameters parameters = validator.parameters(request);
        encoder.requireCanvasFits(encoder.encode(content), parameters.size());
        long overloaded = inference.overloadedForSeconds();
        if (overloaded > 0) {
            throw new ApiException(
                    503, "the model server is overloaded; nothing was accepted, retry later", null, (int) overloaded);
        }
        rateLimiter.acquire(client);
        if (!admission.tryAcquire()) {
            throw ApiException.tooMany("too many generations in flight; retry later", RETRY_AFTER_SECONDS);
        }
        Generation queued = Generation.queued(newId(), content, parameters, clock.instant());
        try {
            records.save(queued);
        } catch (RuntimeException e) {
            admission.release();
            throw new ApiException(
                    503, "the record store is unavailable; nothing was accepted", null, RETRY_AFTER_SECONDS);
        }
        dispatch(queued);
        return withUrls(queued);
    }

    /** Generations accepted and not yet finished (queued or running) in this gateway. */
    public int inFlight() {
        return capacity - admission.availablePermits();
    }

    public Generation get(String id, boolean wait) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{8,64}")) {
            throw ApiException.notFound("no generation with that id");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.maxWaitSeconds());
        Generation generation = find(id);
        while (wait && !generation.status().terminal() && System.nanoTime() < deadline) {
            sleep(POLL);
            generation = find(id);
        }
        return withUrls(generation);
    }

    /** The plain QR code of a generation, drawn as its control image was: the "compare" overlay. */
    public byte[] plainQrPng(String id) {
        Generation generation = get(id, false);
        return ImageCodec.png(encoder.render(
                encoder.encode(generation.content()), generation.parameters().size()));
    }

    public GenerationRepository.Page gallery(String cursor, int limit, String query) {
        if (cursor != null && !GalleryCursor.valid(cursor)) {
            throw ApiException.badField("cursor", "cursor is not one this API returned");
        }
        if (limit < 1 || limit > 100) {
            throw ApiException.badField("limit", "limit must be in [1, 100]");
        }
        if (query != null) {
            RequestValidator.text(query, "q", 200, false);
        }
        GenerationRepository.Page page = records.page(cursor, limit, query);
        return new GenerationRepository.Page(
                page.items().stream().map(this::withUrls).toList(), page.nextCursor());
    }

    /**
     * Jobs a previous process accepted but did not finish are run again at start-up (same seed, same
     * result); afterwards, jobs left unfinished by a store outage or a lost replica are picked up once
     * they have not changed for {@code strandedAfter}.
     */
    void startRecovery(@Observes StartupEvent event) {
        recovery.execute(() -> resume(Duration.ZERO, "after a restart"));
        long every = config.recoveryInterval().toMillis();
        recovery.scheduleWithFixedDelay(
                () -> resume(config.strandedAfter(), "stranded"), every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        recovery.shutdownNow();
        workers.shutdownNow();
    }

    private void resume(Duration unchangedFor, String why) {
        try {
            Instant before = clock.instant().minus(unchangedFor);
            for (Generation generation : records.unfinished()) {
                boolean stale = !generation.updatedAt().isAfter(before);
                if (stale && !active.contains(generation.id()) && admission.tryAcquire()) {
                    LOG.infof("resuming generation %s (%s)", generation.id(), why);
                    dispatch(generation);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for unfinished generations: %s", e.getMessage());
        }
    }

    private void dispatch(Generation generation) {
        if (!active.add(generation.id())) {
            admission.release();
            return;
        }
        workers.execute(() -> {
            try {
                runner.run(generation);
            } finally {
                active.remove(generation.id());
                admission.release();
            }
        });
    }

    private Generation find(String id) {
        return records.find(id).orElseThrow(() -> ApiException.notFound("no generation with that id"));
    }

    private Generation withUrls(Generation generation) {
        if (generation.imageKey() == null) {
            return generation;
        }
        return generation.withUrls(images.url(generation.imageKey()), images.url(ImageKeys.thumbnail(generation.id())));
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
