package app.qrart.gateway.records;

import app.qrart.gateway.admission.ClientRateLimiter;
import app.qrart.gateway.admission.KeyRates;
import app.qrart.gateway.auth.ApiKeyRepository;
import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.job.GenerationRepository;
import app.qrart.gateway.links.LinkRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * Picks the record adapters from configuration (qrart.storage.records). Generations, API keys and
 * short links share one embedded file or one Firestore client.
 */
@ApplicationScoped
public class RepositoryProducer {

    private static final String RETRY_ON_INTERRUPT = "retry:";

    private final StorageConfig config;
    private final ObjectMapper mapper;
    private MVStore embedded;
    private Firestore firestore;

    public RepositoryProducer(StorageConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Produces
    @ApplicationScoped
    GenerationRepository generations() {
        return switch (config.records()) {
            case EMBEDDED -> new EmbeddedGenerationRepository(embedded(), mapper);
            case FIRESTORE -> new FirestoreGenerationRepository(firestore(), config.firestore(), mapper);
        };
    }

    @Produces
    @ApplicationScoped
    ApiKeyRepository apiKeys() {
        return switch (config.records()) {
            case EMBEDDED -> new EmbeddedApiKeyRepository(embedded(), mapper);
            case FIRESTORE -> new FirestoreApiKeyRepository(firestore(), config.firestore());
        };
    }

    /** Keys' rates: in the shared Firestore, or this process's buckets beside the embedded store (one replica). */
    @Produces
    @ApplicationScoped
    KeyRates keyRates(ClientRateLimiter local) {
        return switch (config.records()) {
            case EMBEDDED -> local::acquire;
            case FIRESTORE -> new FirestoreKeyRates(firestore(), config.firestore());
        };
    }

    @Produces
    @ApplicationScoped
    LinkRepository links() {
        return switch (config.records()) {
            case EMBEDDED -> new EmbeddedLinkRepository(embedded(), mapper);
            case FIRESTORE -> new FirestoreLinkRepository(firestore(), config.firestore());
        };
    }

    @PreDestroy
    synchronized void close() throws Exception {
        if (embedded != null) {
            // A store that met a fatal write error cannot commit; closing it normally would spin.
            if (embedded.getPanicException() != null) {
                embedded.closeImmediately();
            } else {
                embedded.close();
            }
        }
        if (firestore != null) {
            firestore.close();
        }
    }

    private synchronized MVStore embedded() {
        if (embedded == null) {
            Path file = Path.of(config.embedded().file());
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // "retry:": a write from a thread interrupted at shutdown reopens the file and goes on,
            // where a plain file channel closes and leaves the store unusable.
            embedded = new MVStore.Builder()
                    .fileName(RETRY_ON_INTERRUPT + file)
                    .autoCommitDisabled()
                    .open();
        }
        return embedded;
    }

    private synchronized Firestore firestore() {
        if (firestore == null) {
            FirestoreOptions.Builder options = FirestoreOptions.newBuilder().setProjectId(config.projectId());
            // The emulator brings its own fake credentials; setting any others would bypass it.
            config.firestore().emulatorHost().ifPresent(options::setEmulatorHost);
            firestore = options.build().getService();
        }
        return firestore;
    }
}
