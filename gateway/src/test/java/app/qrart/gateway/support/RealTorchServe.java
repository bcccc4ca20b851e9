package app.qrart.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real TorchServe process with the tiny offline model archive (model-store/qrart.mar, built by
 * `make test`), started through deploy/torchserve/tsctl.py on random loopback ports.
 */
public class RealTorchServe implements QuarkusTestResourceLifecycleManager {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static volatile Process current;
    private Process process;
    private Path workdir;

    /** Kills the running TorchServe and its workers at once (SIGKILL), as a crashed host would. */
    public static void killHard() {
        Process victim = current;
        victim.descendants().forEach(ProcessHandle::destroyForcibly);
        victim.destroyForcibly();
        try {
            victim.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Map<String, String> start() {
        Path root = Path.of(System.getProperty("qrart.repo-root", "..")).toAbsolutePath().normalize();
        Path archive = root.resolve("model-store/qrart.mar");
        if (!Files.exists(archive)) {
            throw new IllegalStateException(archive + " is missing; run the tests through `make test`");
        }
        List<Integer> ports = IntStream.range(0, 5).mapToObj(i -> EmulatorProcess.freePort()).toList();
        try {
            workdir = Files.createTempDirectory("qrart-torchserve");
            process = new ProcessBuilder(root.resolve(".venv/bin/python").toString(),
                    root.resolve("deploy/torchserve/tsctl.py").toString(), "run",
                    "--model-store", root.resolve("model-store").toString(), "--workdir", workdir.toString(),
                    "--ports", ports.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .redirectErrorStream(true).redirectOutput(workdir.resolve("tsctl.log").toFile()).start();
            current = process;
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Every key another test resource may have set is set here too: integration-test runs keep
        // earlier resources' properties in the JVM.
        return TestAdmission.with(Map.of(
                "quarkus.rest-client.torchserve.url", "http://127.0.0.1:" + ports.get(0),
                "quarkus.rest-client.torchserve.read-timeout", "600000",
                "qrart.inference.token", inferenceKey(),
                "qrart.inference.retry-backoff", "PT0.5S",
                "qrart.inference.key-file", workdir.resolve("key_file.json").toString(),
                "qrart.storage.local-dir", workdir.resolve("images").toString(),
                "qrart.storage.embedded-file", workdir.resolve("records.mv.db").toString()), Map.of());
    }

    private String inferenceKey() {
        try {
            String json = Files.readString(workdir.resolve("key_file.json"));
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("inference").path("key")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(workdir.resolve("READY"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("TorchServe did not become ready: "
                        + Files.readString(workdir.resolve("tsctl.log")));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
