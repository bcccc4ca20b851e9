package app.qrart.gateway.storage;

import app.qrart.gateway.config.StorageConfig;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** Picks the image adapter from configuration (qrart.storage.images). */
@ApplicationScoped
public class ImageStoreProducer {

    @Produces
    @ApplicationScoped
    ImageStore imageStore(StorageConfig config) {
        return switch (config.images()) {
            case "local" -> new LocalImageStore(Path.of(config.localDir()), config.localBaseUrl());
            case "gcs" -> gcs(config);
            default -> throw new IllegalStateException("qrart.storage.images must be local or gcs");
        };
    }

    private static ImageStore gcs(StorageConfig config) {
        String bucket = config.gcsBucket()
                .orElseThrow(() -> new IllegalStateException("qrart.storage.gcs-bucket is required for gcs"));
        StorageOptions.Builder options = StorageOptions.newBuilder().setProjectId(config.projectId());
        String publicBase = "https://storage.googleapis.com";
        boolean signed = "signed".equals(config.gcsUrlMode());
        if (config.gcsHost().isPresent()) {
            // An emulator: no credentials to sign with; it serves objects at HOST/BUCKET/KEY.
            options.setHost(config.gcsHost().get()).setCredentials(NoCredentials.getInstance());
            publicBase = config.gcsHost().get();
            signed = false;
        }
        return new GcsImageStore(options.build().getService(), bucket, signed, config.signedUrlTtl(), publicBase);
    }
}
