package app.qrart.gateway.inference;

import app.qrart.gateway.config.InferenceConfig;
import app.qrart.gateway.retry.Backoff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One image from TorchServe: bearer token, bounded retries while its queue is full, outages waited
 * out within a grace, each failure its own exception type. Staying busy through every retry fires
 * {@link ModelServerOverloaded}.
 */
@ApplicationScoped
public class InferenceService {

    /** TorchServe 0.12 answers a missing or wrong token with 400 and this message. */
    private static final String TOKEN_FAILED = "Token Authorization failed";
    /** TorchServe's 503 when the model has no worker to serve (all dead or still loading). */
    private static final String NO_WORKER = "no worker";

    private final EndpointPool pool;
    private final InferenceConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final Event<ModelServerOverloaded> overloaded;

    public InferenceService(
            EndpointPool pool,
            InferenceConfig config,
            ObjectMapper mapper,
            MeterRegistry registry,
            Event<ModelServerOverloaded> overloaded) {
        this.pool = pool;
        this.config = config;
        this.mapper = mapper;
        this.registry = registry;
        this.overloaded = overloaded;
    }

    public BufferedImage generate(InferencePayload payload) {
        return generate(payload, OutageListener.NONE);
    }

    /**
     * The image, waiting out model server outages for up to {@code outage-grace} (the same
     * payload, so the same seed, on whichever endpoint is healthy); the listener hears each wait.
     */
    public BufferedImage generate(InferencePayload payload, OutageListener listener) {
        long deadline = System.nanoTime() + config.outageGrace().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return throughBusy(payload);
            } catch (ModelServerOutageException e) {
                long pause = config.outageRetryPause().toNanos();
                if (System.nanoTime() + pause > deadline) {
                    throw new ModelServerUnavailableException(config.outageGrace(), attempt, e);
                }
                listener.waiting(attempt, e);
                pause(pause, e);
            }
        }
    }

    /** One request, retried with back-off while TorchServe's queue is full. */
    private BufferedImage throughBusy(InferencePayload payload) {
        Backoff backoff = new Backoff(config.maxAttempts(), config.retryBackoff());
        try {
            return backoff.run(() -> counted(payload), ModelServerBusyException.class::isInstance);
        } catch (ModelServerBusyException e) {
            overloaded.fire(new ModelServerOverloaded());
            throw e;
        }
    }

    /** True when at least one TorchServe endpoint has its model workers ready. */
    public boolean modelReady() {
        return pool.checkAll();
    }

    private BufferedImage counted(InferencePayload payload) {
        try {
            return once(payload);
        } catch (InferenceException e) {
            boolean busy = e instanceof ModelServerBusyException;
            registry.counter("qrart.torchserve.errors", "retryable", String.valueOf(busy))
                    .increment();
            throw e;
        }
    }

    /** One attempt; a connection that cannot even be opened moves on to another healthy endpoint. */
    private BufferedImage once(InferencePayload payload) {
        for (int tried = 1; ; tried++) {
            Endpoint endpoint = pool.acquire();
            try (Response reply = endpoint.client.predict(config.model(), endpoint.key.authorization(), payload)) {
                return read(reply);
            } catch (WebApplicationException e) {
                return read(e.getResponse());
            } catch (ProcessingException e) {
                Throwable root = rootCause(e);
                String cause = root.getClass().getSimpleName();
                if (!(root instanceof ConnectException)) {
                    // A timeout: the server may still be working on it. Anything else: it went away.
                    throw root instanceof TimeoutException
                                    || root instanceof SocketTimeoutException
                                    || cause.contains("Timeout")
                            ? new ModelServerUnreachableException(cause)
                            : new ModelServerConnectionLostException(cause);
                }
                pool.markDown(endpoint);
                if (tried >= pool.size() || !pool.anotherHealthy(endpoint)) {
                    throw new ModelServerDownException(cause);
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
                throw new InvalidModelReplyException(e.getMessage());
            }
        }
        throw failure(status, reply.hasEntity() ? reply.readEntity(String.class) : "");
    }

    /**
     * TorchServe's own replies carry {type, message}; the handler's carry {code, error, field}:
     * the same status means different things from each.
     */
    private InferenceException failure(int status, String body) {
        JsonNode node = json(body);
        boolean fromTorchServe = node.has("type") && !node.has("error");
        String message = node.path("error").asText(node.path("message").asText(clipped(body)));
        return switch (status) {
            case 503 ->
                fromTorchServe && message.toLowerCase(Locale.ROOT).contains(NO_WORKER)
                        ? new ModelNotReadyException(message)
                        : new ModelServerBusyException(message);
            case 507 ->
                fromTorchServe ? new WorkerDiedException(message) : new ModelServerOutOfMemoryException(message);
            case 404 ->
                fromTorchServe ? new ModelNotReadyException(message) : new ModelServerFailedException(404, message);
            case 401, 403 -> new TokenRejectedException(message);
            case 400, 413 ->
                message.contains(TOKEN_FAILED)
                        ? new TokenRejectedException(message)
                        : new ModelServerRefusedException(message, body);
            default -> new ModelServerFailedException(status, message);
        };
    }

    private JsonNode json(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? mapper.createObjectNode() : node;
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static String clipped(String body) {
        return body.length() > 200 ? body.substring(0, 200) : body;
    }

    private static void pause(long nanos, ModelServerOutageException outage) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw outage;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
