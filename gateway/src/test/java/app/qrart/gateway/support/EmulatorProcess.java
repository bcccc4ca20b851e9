package app.qrart.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real emulator process (GCS, Firestore) on a random loopback port, stopped with its children. */
public final class EmulatorProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private EmulatorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the command (with {port} replaced) and waits until the port accepts connections. */
    public static EmulatorProcess start(List<String> command, int port, Duration timeout) {
        try {
            Path log = Files.createTempFile("emulator", ".log");
            List<String> resolved = command.stream()
                    .map(arg -> arg.replace("{port}", String.valueOf(port)))
                    .toList();
            Process process = new ProcessBuilder(resolved)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            EmulatorProcess emulator = new EmulatorProcess(process, port, log);
            emulator.awaitPort(timeout);
            return emulator;
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

    private void awaitPort(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("emulator exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        close();
        throw new IllegalStateException("emulator not listening after " + timeout + ": " + Files.readString(log));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
