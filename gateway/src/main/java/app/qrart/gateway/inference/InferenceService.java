package app.qrart.gateway.inference;

import app.qrart.gateway.config.AdmissionConfig;
import app.qrart.gateway.config.InferenceConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/** One image from TorchServe: bearer token, bounded retries on 503, each failure named. */
@ApplicationScoped
public class InferenceService {

    private static final Logger LOG = Logger.getLogger(InferenceService.class);

    private final EndpointPool pool;
    private final InferenceConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final AdmissionConfig admission;
    /** System.nanoTime() until which TorchServe counts as overloaded; null when it is not. */
    private volatile Long overloadedUntil;

    public InferenceService(
            EndpointPool pool,
            InferenceConfig config,
            AdmissionConfig admission,
            ObjectMapper mapper,
            MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        this.admission = admission;
        this.mapper = mapper;
        this.registry = registry;
    }

    public BufferedImage generate(InferencePayload payload) {
        Duration backoff = config.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(payload);
            } catch (InferenceException e) {
                registry.counter("qrart.torchserve.errors", "retryable", String.valueOf(e.retryable()))
                        .increment();
                if (!e.retryable() || attempt >= config.maxAttempts()) {
                    if (e.retryable()) {
                        overloadedUntil =
                                System.nanoTime() + admission.overloadCooldown().toNanos();
                    }
                    throw e;
                }
                LOG.debugf("TorchServe busy, attempt %d of %d", attempt, config.maxAttempts());
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /** Seconds left of the cool-down after TorchServe stayed overloaded through every retry; 0 if none. */
    public long overloadedForSeconds() {
        Long until = overloadedUntil;
        long left = until == null ? 0 : until - System.nanoTime();
        return left <= 0 ? 0 : Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(left));
    }

    /** True when at least one TorchServe endpoint has its model workers ready. */
    public boolean modelReady() {
        return pool.checkAll();
    }

    /** One attempt; a connection that cannot even be opened moves on to another healthy endpoint. */
    private BufferedImage once(InferencePayload payload) {
        for (int tried = 1; ; tried++) {
            Endpoint endpoint = pool.acquire();
            try (Response reply = endpoint.client.predict(config.model(), endpoint.key.authorization(), payload)) {
                return read(reply);
            } catch (jakarta.ws.rs.WebApplicationException e) {
                return read(e.getResponse());
            } catch (ProcessingException e) {
                boolean neverConnected = rootCause(e) instanceof java.net.ConnectException;
                if (neverConnected) {
                    pool.markDown(endpoint);
                }
                if (!neverConnected || tried >= pool.size() || !pool.anotherHealthy(endpoint)) {
                    throw new InferenceException(
                            "the model server did not answer in time or is unreachable ("
                                    + rootCause(e).getClass().getSimpleName() + ")",
                            false);
                }
            } finally {
                pool.release(endpoint);
            }
        }
    }

    private BufferedImage read(Response reply) {
        int status = reply.getStatus();
        if (status == 200) {
            try {
                return Npy.toImage(reply.readEntity(byte[].class));
            } catch (Npy.InvalidNpyException e) {
                throw new InferenceException("the model server sent an invalid image: " + e.getMessage(), false);
            }
        }
        String detail = reply.hasEntity() ? reply.readEntity(String.class) : "";
        throw switch (status) {
            case 503 -> new InferenceException("the model server is busy (queue full)", true);
            case 507 -> new InferenceException("the model server ran out of GPU memory", false);
            case 400, 413 -> new InferenceException("the model server refused the request: " + message(detail), false);
            case 401, 403 -> new InferenceException("the gateway's TorchServe token was refused", false);
            default -> new InferenceException("the model server failed with " + status + ": " + message(detail), false);
        };
    }

    private String message(String detail) {
        try {
            JsonNode node = mapper.readTree(detail);
            return node.path("error").asText(node.path("message").asText(detail));
        } catch (IOException e) {
            return detail.length() > 200 ? detail.substring(0, 200) : detail;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException("interrupted while waiting to retry", false);
        }
    }
}
