package app.qrart.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real TorchServe with the tiny model behind the gateway under test. */
public class RealTorchServe implements QuarkusTestResourceLifecycleManager {

    private static volatile TorchServeProcess current;

    /** Kills the running TorchServe and its workers at once (SIGKILL), as a crashed host would. */
    public static void killWorkers() {
        current.killWorkers();
    }

    public static void killTorchServe() {
        current.killTorchServe();
    }

    public static void killHard() {
        current.killHard();
    }

    @Override
    public Map<String, String> start() {
        TorchServeProcess server = TorchServeProcess.start();
        current = server;
        // Every key another test resource may have set is set here too: integration-test runs keep
        // earlier resources' properties in the JVM.
        return TestDefaults.with(
                Map.of(
                        "quarkus.rest-client.torchserve.url", server.url(),
                        "quarkus.rest-client.torchserve.read-timeout", "600000",
                        // No fixed token: the key file is re-read when a restarted TorchServe writes new keys.
                        "qrart.inference.token", "",
                        "qrart.inference.retry-backoff", "PT0.5S",
                        "qrart.inference.key-file", server.keyFile(),
                        "qrart.storage.local.dir",
                                server.workdir().resolve("images").toString(),
                        "qrart.storage.embedded.file",
                                server.workdir().resolve("records.mv.db").toString()),
                // Long enough for TorchServe to restart a killed worker, short enough for a test to wait out.
                Map.of("qrart.inference.outage-grace", "PT60S", "qrart.inference.outage-retry-pause", "PT1S"));
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
    }
}
