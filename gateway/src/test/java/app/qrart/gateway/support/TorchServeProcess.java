package app.qrart.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One real TorchServe with the tiny offline model archive (model-store/qrart.mar, built by
 * `make test`), started through deploy/torchserve/tsctl.py on random loopback ports.
 */
public final class TorchServeProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final int START_ATTEMPTS = 3;

    private final ChildProcess process;
    private final Path workdir;
    private final int inferencePort;
    private final int managementPort;

    private TorchServeProcess(ChildProcess process, Path workdir, int inferencePort, int managementPort) {
        this.process = process;
        this.workdir = workdir;
        this.inferencePort = inferencePort;
        this.managementPort = managementPort;
    }

    public static TorchServeProcess start() {
        Path root = Path.of(System.getProperty("qrart.repo-root", ".."))
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(root.resolve("model-store/qrart.mar"))) {
            throw new IllegalStateException("model-store/qrart.mar is missing; run the tests through `make test`");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreshPorts(root);
            } catch (ChildProcess.Exited e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
                System.err.println("TorchServe start " + attempt + " failed, trying new ports: " + e.getMessage());
            }
        }
    }

    private static TorchServeProcess startOnFreshPorts(Path root) {
        List<Integer> ports =
                IntStream.range(0, 5).mapToObj(i -> ChildProcess.freePort()).toList();
        try {
            Path workdir = Files.createTempDirectory("qrart-torchserve");
            ChildProcess process = ChildProcess.start(
                    List.of(
                            root.resolve(".venv/bin/python").toString(),
                            root.resolve("deploy/torchserve/tsctl.py").toString(),
                            "run",
                            "--model-store",
                            root.resolve("model-store").toString(),
                            "--workdir",
                            workdir.toString(),
                            "--ports",
                            ports.stream().map(String::valueOf).collect(Collectors.joining(","))),
                    workdir.resolve("tsctl.log"));
            process.awaitReady(() -> Files.exists(workdir.resolve("READY")), READY_TIMEOUT, "TorchServe");
            return new TorchServeProcess(process, workdir, ports.get(0), ports.get(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + inferencePort;
    }

    public Path workdir() {
        return workdir;
    }

    public String keyFile() {
        return workdir.resolve("key_file.json").toString();
    }

    public String inferenceKey() {
        return key("inference");
    }

    /**
     * Kills the model's worker processes (SIGKILL), not TorchServe: TorchServe answers the batch
     * they ran with its own 507 "Worker died." and starts new workers.
     */
    public void killWorkers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/models/qrart"))
                    .header("Authorization", "Bearer " + key("management"))
                    .build();
            String body = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
            for (JsonNode worker : new ObjectMapper().readTree(body).path(0).path("workers")) {
                ProcessHandle.of(worker.path("pid").asLong()).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String key(String kind) {
        try {
            return new ObjectMapper()
                    .readTree(Files.readString(workdir.resolve("key_file.json")))
                    .path(kind)
                    .path("key")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inference requests this TorchServe has received, from its access log. */
    public long predictions() {
        try (var lines = Files.lines(workdir.resolve("logs/access_log.log"))) {
            return lines.filter(line -> line.contains("POST /predictions/")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Kills TorchServe and its workers (SIGKILL) but not tsctl.py, which supervises them: it starts
     * a new TorchServe on the same ports, with new keys in the same key file.
     */
    public void killTorchServe() {
        process.killChildren();
    }

    /** Kills TorchServe and its workers at once (SIGKILL), as a crashed host would. */
    public void killHard() {
        process.kill();
    }

    /** Stops TorchServe the way a supervisor would (SIGTERM to tsctl, which stops TorchServe). */
    @Override
    public void close() {
        if (process.alive()) {
            process.close();
        }
    }
}
