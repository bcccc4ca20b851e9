package app.qrart.gateway.records;

import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.generation.GenerationRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.firestore.FirestoreOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** Picks the record adapter from configuration (qrart.storage.records). */
@ApplicationScoped
public class RepositoryProducer {

    @Produces
    @ApplicationScoped
    GenerationRepository repository(StorageConfig config, ObjectMapper mapper) {
        return switch (config.records()) {
            case EMBEDDED ->
                new EmbeddedGenerationRepository(Path.of(config.embedded().file()), mapper);
            case FIRESTORE ->
                new FirestoreGenerationRepository(
                        firestore(config).getService(), config.firestore().collection(), mapper);
        };
    }

    void close(@Disposes GenerationRepository repository) throws Exception {
        if (repository instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static FirestoreOptions firestore(StorageConfig config) {
        FirestoreOptions.Builder options = FirestoreOptions.newBuilder().setProjectId(config.projectId());
        // The emulator brings its own fake credentials; setting any others would bypass it.
        config.firestore().emulatorHost().ifPresent(options::setEmulatorHost);
        return options.build();
    }
}
