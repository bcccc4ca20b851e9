package app.qrart.gateway.inference;

import app.qrart.gateway.config.InferenceConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The TorchServe endpoints this gateway spreads generations over: the healthy one with the fewest
 * requests in flight from here gets the next (TorchServe batches what it receives, so keeping each
 * one's queue short keeps latency even). Health comes from /ping on a timer and from failed calls.
 */
@ApplicationScoped
public class EndpointPool implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(EndpointPool.class);

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final InferenceConfig config;

    public EndpointPool(
            @RestClient TorchServeClient defaultClient,
            InferenceConfig config,
            ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.rest-client.torchserve.url") String defaultUrl,
            @ConfigProperty(name = "quarkus.rest-client.torchserve.connect-timeout", defaultValue = "2000")
                    long connectTimeout,
            @ConfigProperty(name = "quarkus.rest-client.torchserve.read-timeout", defaultValue = "600000")
                    long readTimeout) {
        this.config = config;
        List<String> urls = config.endpoints().orElse(List.of());
        if (urls.isEmpty()) {
            endpoints.add(new Endpoint(
                    defaultUrl, defaultClient, new InferenceKey(config.token(), config.keyFile(), mapper)));
            return;
        }
        List<String> keyFiles = config.endpointKeyFiles().orElse(List.of());
        for (int i = 0; i < urls.size(); i++) {
            TorchServeClient client = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(urls.get(i)))
                    .connectTimeout(connectTimeout, TimeUnit.MILLISECONDS)
                    .readTimeout(readTimeout, TimeUnit.MILLISECONDS)
                    .build(TorchServeClient.class);
            Optional<String> keyFile = i < keyFiles.size() ? Optional.of(keyFiles.get(i)) : config.keyFile();
            endpoints.add(new Endpoint(urls.get(i), client, new InferenceKey(config.token(), keyFile, mapper)));
        }
    }

    @Scheduled(every = "${qrart.inference.health-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkHealth() {
        checkAll();
    }

    /** The endpoint for the next request, counted as outstanding until {@link #release}. */
    Endpoint acquire() {
        Endpoint chosen = endpoints.stream()
                .filter(e -> e.healthy)
                .min(Comparator.comparingInt(e -> e.outstanding.get()))
                // None known healthy: try the least busy anyway; the call itself tells.
                .orElseGet(() -> endpoints.stream()
                        .min(Comparator.comparingInt(e -> e.outstanding.get()))
                        .orElseThrow());
        chosen.outstanding.incrementAndGet();
        return chosen;
    }

    void release(Endpoint endpoint) {
        endpoint.outstanding.decrementAndGet();
    }

    /** A call could not connect: no more requests go there until its /ping answers again. */
    void markDown(Endpoint endpoint) {
        if (endpoint.healthy) {
            LOG.warnf("TorchServe %s unreachable; sending generations elsewhere until it answers", endpoint.url);
        }
        endpoint.healthy = false;
    }

    boolean anotherHealthy(Endpoint besides) {
        return endpoints.stream().anyMatch(e -> e != besides && e.healthy);
    }

    int size() {
        return endpoints.size();
    }

    /** Pings every endpoint now; true when at least one has its model workers ready. */
    public boolean checkAll() {
        boolean any = false;
        for (Endpoint endpoint : endpoints) {
            boolean up;
            try (Response reply = endpoint.client.ping(endpoint.key.authorization())) {
                up = reply.getStatus() == 200;
            } catch (RuntimeException e) {
                up = false;
            }
            if (up && !endpoint.healthy) {
                LOG.infof("TorchServe %s is back", endpoint.url);
            }
            endpoint.healthy = up;
            any |= up;
        }
        return any;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Endpoint endpoint : endpoints) {
            Gauge.builder("qrart.torchserve.outstanding", endpoint.outstanding, Number::doubleValue)
                    .tag("endpoint", endpoint.url)
                    .description("requests in flight to this TorchServe")
                    .register(registry);
            Gauge.builder("qrart.torchserve.healthy", endpoint, e -> e.healthy ? 1 : 0)
                    .tag("endpoint", endpoint.url)
                    .register(registry);
        }
    }
}
