package app.qrart.gateway.support;

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
import java.util.Map;

/**
 * The two Google Cloud emulators behind the production adapters, with durable data so they can be
 * stopped and started again like a real outage: fake-gcs-server on a filesystem backend, and the
 * Firestore emulator exported just before it stops and imported when it starts again.
 */
public class CloudEmulators extends FakeTorchServe {

    public static final String BUCKET = "qrart-outage";
    public static final String PROJECT = "qrart-outage";
    private static final Duration START = Duration.ofSeconds(90);

    private static Path gcsRoot;
    private static Path firestoreExport;
    private static int gcsPort;
    private static int firestorePort;
    private static EmulatorProcess gcs;
    private static EmulatorProcess firestore;

    @Override
    public Map<String, String> start() {
        try {
            gcsRoot = Files.createTempDirectory("qrart-gcs");
            Files.createDirectories(gcsRoot.resolve(BUCKET));
            firestoreExport = Files.createTempDirectory("qrart-firestore");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gcsPort = EmulatorProcess.freePort();
        firestorePort = EmulatorProcess.freePort();
        startGcs();
        startFirestore(false);
        Map<String, String> properties = new java.util.HashMap<>(super.start());
        properties.putAll(Map.of(
                "qrart.storage.images",
                "gcs",
                "qrart.storage.gcs.bucket",
                BUCKET,
                "qrart.storage.gcs.host",
                gcsHost(),
                "qrart.storage.records",
                "firestore",
                "qrart.storage.firestore.emulator-host",
                "127.0.0.1:" + firestorePort,
                "qrart.storage.project-id",
                PROJECT,
                "qrart.replica.poll-interval",
                "PT1S",
                "qrart.replica.lease-duration",
                "PT3S",
                "qrart.replica.heartbeat-interval",
                "PT1S"));
        return properties;
    }

    public static String gcsHost() {
        return "http://127.0.0.1:" + gcsPort;
    }

    public static void startGcs() {
        gcs = EmulatorProcess.fakeGcs(gcsRoot, gcsPort);
    }

    public static void stopGcs() {
        gcs.close();
    }

    /** Starts Firestore on its port, with the data of the last stop when {@code restore}. */
    public static void startFirestore(boolean restore) {
        List<String> command = new java.util.ArrayList<>(
                List.of("gcloud", "emulators", "firestore", "start", "--host-port=127.0.0.1:{port}", "--quiet"));
        if (restore) {
            command.add("--import-data=" + exportMetadata());
        }
        firestore = EmulatorProcess.start(command, firestorePort, START);
    }

    private static Path exportMetadata() {
        try (var files = Files.walk(firestoreExport)) {
            return files.filter(f -> f.toString().endsWith(".overall_export_metadata"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Firestore export in " + firestoreExport));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the data (what a real Firestore keeps through an outage), then stops the emulator. */
    public static void stopFirestore() {
        try (var old = Files.list(firestoreExport)) {
            for (Path path : old.toList()) {
                deleteTree(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = "{\"database\":\"projects/" + PROJECT + "/databases/(default)\",\"export_directory\":\""
                + firestoreExport + "\"}";
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + firestorePort
                                            + "/emulator/v1/projects/" + PROJECT + ":export"))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .header("Content-Type", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("Firestore export failed: " + reply.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        firestore.close();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (gcs != null) {
            gcs.close();
        }
        if (firestore != null) {
            firestore.close();
        }
    }
}
