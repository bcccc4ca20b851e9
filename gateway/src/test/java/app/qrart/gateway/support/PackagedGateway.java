package app.qrart.gateway.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged gateway (target/quarkus-app) started as a process of its own with the given
 * properties on a free port, its output in a log file; ready once its liveness check answers.
 */
public final class PackagedGateway implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedGateway(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static PackagedGateway start(Map<String, String> properties, Path log) {
        int port = EmulatorProcess.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PackagedGateway gateway = new PackagedGateway(process, port, log);
            gateway.awaitLive();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops it as Kubernetes does (SIGTERM) and waits for its graceful end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitLive() {
        for (int i = 0; i < 240; i++) {
            try {
                if (given().baseUri(base()).when().get("/q/health/live").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited: " + log());
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("gateway did not start: " + log());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
