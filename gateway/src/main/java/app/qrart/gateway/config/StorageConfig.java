package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where images and generation records are kept; the adapters are chosen here only. */
@ConfigMapping(prefix = "qrart.storage")
public interface StorageConfig {

    /** Image store: "local" (a directory, the default) or "gcs". */
    @WithDefault("local")
    String images();

    /** Record store: "embedded" (a durable file, the default) or "firestore". */
    @WithDefault("embedded")
    String records();

    /** Directory of the local image store. */
    @WithDefault(".run/images")
    String localDir();

    /** File of the embedded record store. */
    @WithDefault(".run/records.mv.db")
    String embeddedFile();

    /** Public base URL under which the gateway serves local images. */
    @WithDefault("/api/v1/images")
    String localBaseUrl();

    /** GCS bucket for images. */
    Optional<String> gcsBucket();

    /** GCS host override (an emulator in tests), e.g. http://127.0.0.1:4443. */
    Optional<String> gcsHost();

    /** Google Cloud project id (GCS and Firestore). */
    @WithDefault("qrart-local")
    String projectId();

    /** "signed" (V4 signed URLs) or "public" (the bucket serves objects publicly). */
    @WithDefault("signed")
    String gcsUrlMode();

    /** Lifetime of a signed URL. */
    @WithDefault("PT12H")
    Duration signedUrlTtl();

    /** Firestore emulator host:port (tests and local runs). */
    Optional<String> firestoreEmulatorHost();

    /** Firestore collection of generation records. */
    @WithDefault("generations")
    String firestoreCollection();

    /** Attempts for each store write before the generation is marked failed. */
    @WithDefault("5")
    int writeAttempts();

    /** Pause before the second write attempt; doubled before each further one (5 attempts: 7.5 s in all). */
    @WithDefault("PT0.5S")
    java.time.Duration writeBackoff();
}
