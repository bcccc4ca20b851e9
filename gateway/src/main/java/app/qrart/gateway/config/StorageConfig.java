package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where images and generation records are kept; the adapters are chosen here only. */
@ConfigMapping(prefix = "qrart.storage")
public interface StorageConfig {

    /** Image store: a local directory (the default) or a GCS bucket. */
    @WithDefault("local")
    ImageStoreKind images();

    /** Record store: an embedded durable file (the default) or Firestore. */
    @WithDefault("embedded")
    RecordStoreKind records();

    /** Google Cloud project id (GCS and Firestore). */
    @WithDefault("qrart-local")
    String projectId();

    /** Attempts for each store write before the generation is marked failed. */
    @WithDefault("5")
    int writeAttempts();

    /** Pause before the second write attempt; doubled before each further one (5 attempts: 7.5 s in all). */
    @WithDefault("PT0.5S")
    Duration writeBackoff();

    /** The local image store. */
    Local local();

    /** The embedded record store. */
    Embedded embedded();

    /** The GCS image store. */
    Gcs gcs();

    /** The Firestore record store. */
    Firestore firestore();

    enum ImageStoreKind {
        LOCAL,
        GCS
    }

    enum RecordStoreKind {
        EMBEDDED,
        FIRESTORE
    }

    /** How GCS images are handed out: V4 signed URLs, or the bucket's public URLs. */
    enum GcsUrlMode {
        SIGNED,
        PUBLIC
    }

    interface Local {
        /** Directory of the local image store. */
        @WithDefault(".run/images")
        String dir();

        /** Public base URL under which the gateway serves local images. */
        @WithDefault("/api/v1/images")
        String baseUrl();
    }

    interface Embedded {
        /** File of the embedded record store. */
        @WithDefault(".run/records.mv.db")
        String file();
    }

    interface Gcs {
        /** Bucket for images (required when images=gcs). */
        Optional<String> bucket();

        /** Host override (an emulator in tests), e.g. http://127.0.0.1:4443. */
        Optional<String> host();

        /** Signed (V4 signed URLs) or public (the bucket serves objects publicly). */
        @WithDefault("signed")
        GcsUrlMode urlMode();

        /** Lifetime of a signed URL. */
        @WithDefault("PT12H")
        Duration signedUrlTtl();
    }

    interface Firestore {
        /** Emulator host:port (tests and local runs). */
        Optional<String> emulatorHost();

        /** Collection of generation records. */
        @WithDefault("generations")
        String collection();

        /** Collection of API keys (their hashes, never the keys). */
        @WithDefault("apiKeys")
        String apiKeysCollection();

        /** Collection of API keys' generations per day. */
        @WithDefault("apiKeyUsage")
        String apiKeyUsageCollection();

        /** Collection of short links (document id = code). */
        @WithDefault("links")
        String linksCollection();

        /** Collection of short links' scans per day (document id = code_day, a count per platform). */
        @WithDefault("linkScans")
        String linkScansCollection();

        /**
         * Collection of API keys' per-minute token buckets (document id = key, and its shard when
         * the rate is split); {@code expireAt} is when a bucket is full again (a TTL policy removes it).
         */
        @WithDefault("keyRates")
        String keyRatesCollection();

        /**
         * Generations a minute one key-rate document takes before the rate is split over several
         * (a Firestore document sustains about one write a second).
         */
        @WithDefault("60")
        int keyRatePerDocument();

        /** Most documents one key's rate is split over. */
        @WithDefault("16")
        int keyRateMaxShards();

        /** Longest wait for one read or write before the record store counts as out. */
        @WithDefault("PT10S")
        Duration callTimeout();

        /** Longest wait for a counting transaction, the client's retries of a contended counter included. */
        @WithDefault("PT30S")
        Duration transactionTimeout();

        /** Attempts of a counting transaction that keeps meeting contention before it fails. */
        @WithDefault("5")
        int transactionAttempts();
    }
}
