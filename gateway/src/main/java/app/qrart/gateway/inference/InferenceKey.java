package app.qrart.gateway.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The Bearer key for one TorchServe: a configured token, or its key file re-read only when it changes. */
final class InferenceKey {

    private static final Logger LOG = Logger.getLogger(InferenceKey.class);

    private final Optional<String> token;
    private final Optional<String> keyFile;
    private final ObjectMapper mapper;
    private volatile Cached cached;

    private record Cached(FileTime modified, String key) {}

    InferenceKey(Optional<String> token, Optional<String> keyFile, ObjectMapper mapper) {
        this.token = token;
        this.keyFile = keyFile;
        this.mapper = mapper;
    }

    /** The Authorization header value, or null when no key is configured. */
    String authorization() {
        return token.or(this::fromFile).map(key -> "Bearer " + key).orElse(null);
    }

    private Optional<String> fromFile() {
        return keyFile.map(path -> {
            try {
                FileTime modified = Files.getLastModifiedTime(Path.of(path));
                Cached current = cached;
                if (current == null || !current.modified().equals(modified)) {
                    JsonNode keys = mapper.readTree(Files.readString(Path.of(path)));
                    current = new Cached(
                            modified, keys.path("inference").path("key").asText(null));
                    cached = current;
                }
                return current.key();
            } catch (IOException e) {
                LOG.warnf("cannot read TorchServe key file %s: %s", path, e.getMessage());
                return null;
            }
        });
    }
}
