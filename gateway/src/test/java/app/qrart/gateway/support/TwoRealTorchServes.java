package app.qrart.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Two real TorchServe processes (tiny model), each with its own key, as the gateway's endpoint list. */
public class TwoRealTorchServes implements QuarkusTestResourceLifecycleManager {

    private static volatile List<TorchServeProcess> servers = List.of();

    public static List<TorchServeProcess> servers() {
        return servers;
    }

    @Override
    public Map<String, String> start() {
        var first = CompletableFuture.supplyAsync(TorchServeProcess::start);
        var second = CompletableFuture.supplyAsync(TorchServeProcess::start);
        servers = List.of(first.join(), second.join());
        Map<String, String> properties = new HashMap<>(TestDefaults.with(
                Map.of(
                        "quarkus.rest-client.torchserve.url", servers.get(0).url(),
                        "quarkus.rest-client.torchserve.read-timeout", "600000",
                        "qrart.inference.retry-backoff", "PT0.5S",
                        "qrart.storage.local.dir",
                                servers.get(0).workdir().resolve("images").toString(),
                        "qrart.storage.embedded.file",
                                servers.get(0)
                                        .workdir()
                                        .resolve("records.mv.db")
                                        .toString()),
                Map.of(
                        "qrart.inference.endpoints",
                        servers.get(0).url() + "," + servers.get(1).url(),
                        "qrart.inference.endpoint-key-files",
                        servers.get(0).keyFile() + "," + servers.get(1).keyFile(),
                        "qrart.inference.health-interval",
                        "PT1S")));
        // No shared token: each endpoint's key comes from its own key file.
        properties.put("qrart.inference.token", "");
        return properties;
    }

    @Override
    public void stop() {
        servers.forEach(TorchServeProcess::close);
    }
}
