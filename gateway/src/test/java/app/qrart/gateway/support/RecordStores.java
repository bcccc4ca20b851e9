package app.qrart.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;

/**
 * Both record stores for the adapter tests that run against each: the Firestore emulator with two
 * clients (two replicas) and an embedded store file, and the mapper the gateway's records use.
 */
public final class RecordStores implements AutoCloseable {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final EmulatorProcess emulator;
    private final Firestore firestore;
    private final Firestore secondClient;
    private final MVStore embedded;

    private RecordStores(String project) throws IOException {
        emulator = EmulatorProcess.firestore();
        firestore = client(project, emulator.port());
        secondClient = client(project, emulator.port());
        embedded = new MVStore.Builder()
                .fileName(Files.createTempDirectory(project)
                        .resolve("records.mv.db")
                        .toString())
                .autoCommitDisabled()
                .open();
    }

    /** Starts the emulator and opens the embedded file; {@code project} names both. */
    public static RecordStores start(String project) throws IOException {
        return new RecordStores(project);
    }

    /** The kinds a parameterized test runs on. */
    public static Stream<String> kinds() {
        return Stream.of("embedded", "firestore");
    }

    private static Firestore client(String project, int port) {
        return FirestoreOptions.newBuilder()
                .setProjectId(project)
                .setEmulatorHost("127.0.0.1:" + port)
                .build()
                .getService();
    }

    public Firestore firestore() {
        return firestore;
    }

    /** Another client of the same emulator, as another replica has. */
    public Firestore secondClient() {
        return secondClient;
    }

    public MVStore embedded() {
        return embedded;
    }

    @Override
    public void close() throws Exception {
        embedded.close();
        firestore.close();
        secondClient.close();
        emulator.close();
    }
}
