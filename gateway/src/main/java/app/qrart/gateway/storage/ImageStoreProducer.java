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
            case LOCAL ->
                new LocalImageStore(
                        Path.of(config.local().dir()), config.local().baseUrl());
            case GCS -> gcs(config);
        };
    }

    private static ImageStore gcs(StorageConfig config) {
        StorageConfig.Gcs gcs = config.gcs();
        String bucket = gcs.bucket()
                .orElseThrow(() -> new IllegalStateException("qrart.storage.gcs.bucket is required for gcs"));
        StorageOptions.Builder options = StorageOptions.newBuilder().setProjectId(config.projectId());
        String publicBase = "https://storage.googleapis.com";
        boolean signed = gcs.urlMode() == StorageConfig.GcsUrlMode.SIGNED;
        if (gcs.host().isPresent()) {
            // An emulator: no credentials to sign with; it serves objects at HOST/BUCKET/KEY.
            options.setHost(gcs.host().get()).setCredentials(NoCredentials.getInstance());
            publicBase = gcs.host().get();
            signed = false;
        }
        return new GcsImageStore(options.build().getService(), bucket, signed, gcs.signedUrlTtl(), publicBase);
    }
}
