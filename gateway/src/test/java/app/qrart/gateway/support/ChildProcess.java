package app.qrart.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real process a test starts (an emulator, TorchServe): output to a log file, a wait for it to
 * be ready, and a stop that takes its children with it.
 */
public final class ChildProcess implements AutoCloseable {

    private static final int PORTS_FROM = 20000;
    private static final int PORTS_TO = 32000;
    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * A loopback port free now, below the kernel's ephemeral range (32768 and up on Linux): a port
     * from that range can be taken meanwhile as the local end of any outgoing connection. Never the
     * same port twice in one JVM: two servers started side by side must not be given one port.
     */
    public static int freePort() {
        for (int tries = 0; tries < 200; tries++) {
            int port = PORTS_FROM + RANDOM.nextInt(PORTS_TO - PORTS_FROM);
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in [" + PORTS_FROM + ", " + PORTS_TO + ")");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Starts the command with its output (both streams) in the log file. */
    public static ChildProcess start(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ChildProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code ready} holds; stops the process and fails with its log if it exits or times out. */
    public void awaitReady(BooleanSupplier ready, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new Exited(what + " exited: " + logText());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(what + " not ready after " + timeout + ": " + logText());
            }
            sleep(200);
        }
    }

    /** The process ended before it was ready (a port taken meanwhile, say): starting it anew may work. */
    public static final class Exited extends IllegalStateException {
        Exited(String message) {
            super(message);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Kills the process's children (SIGKILL) and leaves the process itself running: a supervisor sees them die. */
    public void killChildren() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills the process and its children at once (SIGKILL), as a crashed host would. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForExit();
    }

    /**
     * Asks the process to stop (a supervisor such as tsctl.py stops its children itself), then
     * makes sure the children it had have stopped too.
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        waitForExit();
        children.forEach(ProcessHandle::destroy);
        children.forEach(child -> child.onExit()
                .orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> {
                    child.destroyForcibly();
                    return child;
                })
                .join());
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
