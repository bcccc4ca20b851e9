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

/**
 * One image from TorchServe: bearer token, bounded retries while its queue is full, each failure
 * its own exception type. Staying busy through every retry fires {@link ModelServerOverloaded}.
 */
@ApplicationScoped
public class InferenceService {

    /** TorchServe 0.12 answers a missing or wrong token with 400 and this message. */
    private static final String TOKEN_FAILED = "Token Authorization failed";

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
                boolean neverConnected = rootCause(e) instanceof ConnectException;
                if (neverConnected) {
                    pool.markDown(endpoint);
                }
                if (!neverConnected || tried >= pool.size() || !pool.anotherHealthy(endpoint)) {
                    throw new ModelServerUnreachableException(
                            rootCause(e).getClass().getSimpleName());
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
        String detail = reply.hasEntity() ? reply.readEntity(String.class) : "";
        String message = message(detail);
        throw switch (status) {
            case 503 -> new ModelServerBusyException(message);
            case 507 -> new ModelServerOutOfMemoryException(message);
            case 401, 403 -> new TokenRejectedException(message);
            case 400, 413 ->
                message.contains(TOKEN_FAILED)
                        ? new TokenRejectedException(message)
                        : new ModelServerRefusedException(message, detail);
            default -> new ModelServerFailedException(status, message);
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
}
