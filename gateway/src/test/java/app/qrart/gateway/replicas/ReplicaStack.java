package app.qrart.gateway.replicas;

import app.qrart.gateway.support.EmulatorProcess;
import app.qrart.gateway.support.PackagedGateway;
import app.qrart.gateway.support.TestDefaults;
import app.qrart.gateway.support.TorchServeProcess;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * What replicas share in these tests: one real TorchServe with the tiny model, one Firestore
 * emulator and one GCS emulator; each scenario its own collection and bucket. Packaged gateways
 * are started on it with short leases, and the records are read straight from Firestore.
 */
final class ReplicaStack implements AutoCloseable {

    static final String PROJECT = "qrart-replicas";

    private final TorchServeProcess torchServe;
    private final EmulatorProcess firestore;
    private final EmulatorProcess gcs;
    private final Path gcsRoot;
    private final Path logs;
    private final Firestore client;
    private final List<PackagedGateway> gateways = new ArrayList<>();

    ReplicaStack() throws IOException {
        logs = Files.createTempDirectory("qrart-replicas");
        gcsRoot = Files.createTempDirectory("qrart-replicas-gcs");
        torchServe = TorchServeProcess.start();
        firestore = EmulatorProcess.firestore();
        gcs = EmulatorProcess.fakeGcs(gcsRoot, EmulatorProcess.freePort());
        client = FirestoreOptions.newBuilder()
                .setProjectId(PROJECT)
                .setEmulatorHost("127.0.0.1:" + firestore.port())
                .build()
                .getService();
    }

    /** A packaged gateway named {@code replica} writing to the scenario's collection and bucket. */
    PackagedGateway start(String scenario, String replica, Map<String, String> extra) {
        try {
            Files.createDirectories(gcsRoot.resolve(scenario));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> overrides = new HashMap<>(Map.of(
                "quarkus.rest-client.torchserve.url",
                torchServe.url(),
                "qrart.inference.token",
                "",
                "qrart.inference.key-file",
                torchServe.keyFile(),
                "qrart.storage.images",
                "gcs",
                "qrart.storage.gcs.bucket",
                scenario,
                "qrart.storage.gcs.host",
                "http://127.0.0.1:" + gcs.port(),
                "qrart.storage.records",
                "firestore",
                "qrart.storage.firestore.emulator-host",
                "127.0.0.1:" + firestore.port(),
                "qrart.storage.project-id",
                PROJECT,
                "qrart.storage.firestore.collection",
                scenario));
        overrides.putAll(Map.of(
                "qrart.replica.id", replica,
                "qrart.replica.lease-duration", "PT4S",
                "qrart.replica.heartbeat-interval", "PT1S",
                "qrart.replica.poll-interval", "PT1S",
                "quarkus.shutdown.delay", "1s"));
        overrides.putAll(extra);
        PackagedGateway gateway = PackagedGateway.start(
                TestDefaults.with(Map.of(), overrides), logs.resolve(scenario + "-" + replica + ".log"));
        gateways.add(gateway);
        return gateway;
    }

    /** The stored document of a job. */
    Map<String, Object> record(String scenario, String id) {
        try {
            DocumentSnapshot snapshot =
                    client.collection(scenario).document(id).get().get();
            return snapshot.getData();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The job's changes of hands as stored: each claim (owner, epoch, takenAt, freeSince) and release. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> leaseHistory(String scenario, String id) {
        Object history = record(scenario, id).get("leases");
        return history == null ? List.of() : (List<Map<String, Object>>) history;
    }

    /** The claims of the job, in the order they were made. */
    List<Map<String, Object>> claims(String scenario, String id) {
        return leaseHistory(scenario, id).stream()
                .filter(change -> change.containsKey("takenAt"))
                .toList();
    }

    /** Jobs of these whose lease the replica holds while they run. */
    long runningOn(String scenario, List<String> ids, String replica) {
        return ids.stream()
                .map(id -> record(scenario, id))
                .filter(doc -> "running".equals(doc.get("status")) && replica.equals(doc.get("leaseOwner")))
                .count();
    }

    /** The names of the objects in the scenario's bucket. */
    Set<String> objects(String scenario) {
        try (var files = Files.list(gcsRoot.resolve(scenario))) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Timestamp time(Map<String, Object> change, String field) {
        return (Timestamp) change.get(field);
    }

    @Override
    public void close() throws Exception {
        for (PackagedGateway gateway : gateways) {
            gateway.process().destroyForcibly().waitFor();
        }
        client.close();
        gcs.close();
        firestore.close();
        torchServe.close();
    }
}
