package app.qrart.gateway.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.support.EmulatorProcess;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GCS adapter against a real fake-gcs-server process (built by `make test`). */
class GcsImageStoreTest {

    private static final String BUCKET = "qrart-test-images";
    private EmulatorProcess emulator;
    private Storage storage;
    private String host;

    @BeforeEach
    void startEmulator() throws Exception {
        int port = EmulatorProcess.freePort();
        emulator = EmulatorProcess.fakeGcs(Files.createTempDirectory("qrart-gcs-test"), port);
        host = "http://127.0.0.1:" + port;
        storage = StorageOptions.newBuilder()
                .setHost(host)
                .setProjectId("qrart-test")
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build()
                .getService();
        storage.create(BucketInfo.of(BUCKET));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void storesTheExactBytesWithTheirContentTypeAndServesThemByUrl() throws Exception {
        byte[] png = new byte[20_000];
        new Random(7).nextBytes(png);
        GcsImageStore store = new GcsImageStore(storage, BUCKET, false, Duration.ofHours(1), host);
        store.put("abcDEF123_-xyz.png", png);

        assertArrayEquals(png, storage.readAllBytes(BlobId.of(BUCKET, "abcDEF123_-xyz.png")));
        assertEquals(
                "image/png",
                storage.get(BlobId.of(BUCKET, "abcDEF123_-xyz.png")).getContentType());
        assertArrayEquals(png, store.get("abcDEF123_-xyz.png"));
        assertNull(store.get("missing-object.png"));

        HttpResponse<byte[]> fetched = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(store.url("abcDEF123_-xyz.png")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(png, fetched.body());

        store.delete("abcDEF123_-xyz.png");
        assertNull(store.get("abcDEF123_-xyz.png"));
        store.delete("abcDEF123_-xyz.png");
    }

    @Test
    void reachabilityFollowsTheEmulator() {
        GcsImageStore store = new GcsImageStore(storage, BUCKET, false, Duration.ofHours(1), host);
        assertTrue(store.reachable());
        emulator.close();
        assertFalse(store.reachable());
    }
}
