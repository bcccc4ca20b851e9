package app.qrart.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** A real emulator process (GCS, Firestore) on a random loopback port, stopped with its children. */
public final class EmulatorProcess implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private EmulatorProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static int freePort() {
        return ChildProcess.freePort();
    }

    /** The Firestore emulator of the Google Cloud CLI on a free loopback port. */
    public static EmulatorProcess firestore() {
        return start(
                List.of("gcloud", "emulators", "firestore", "start", "--host-port=127.0.0.1:{port}", "--quiet"),
                freePort(),
                Duration.ofSeconds(90));
    }

    /** fake-gcs-server (the binary `make test` builds) on this port, keeping its objects under {@code root}. */
    public static EmulatorProcess fakeGcs(java.nio.file.Path root, int port) {
        return start(
                List.of(
                        requiredBinary("qrart.fake-gcs-server"),
                        "-scheme",
                        "http",
                        "-host",
                        "127.0.0.1",
                        "-port",
                        "{port}",
                        "-backend",
                        "filesystem",
                        "-filesystem-root",
                        root.toString(),
                        "-public-host",
                        "127.0.0.1:{port}"),
                port,
                Duration.ofSeconds(90));
    }

    /** Starts the command (with {port} replaced) and waits until the port accepts connections. */
    public static EmulatorProcess start(List<String> command, int port, Duration timeout) {
        try {
            List<String> resolved = command.stream()
                    .map(arg -> arg.replace("{port}", String.valueOf(port)))
                    .toList();
            ChildProcess process = ChildProcess.start(resolved, Files.createTempFile("emulator", ".log"));
            process.awaitReady(() -> listening(port), timeout, "emulator " + resolved.get(0));
            return new EmulatorProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary named by a system property, failing loudly when `make test` did not provide it. */
    public static String requiredBinary(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).canExecute()) {
            throw new IllegalStateException("system property " + property + " must name the emulator binary; "
                    + "run the tests through `make test`, which builds it");
        }
        return path;
    }

    public int port() {
        return port;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
