package app.qrart.gateway.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/** Images in a local directory, served by the gateway under a stable URL. */
public class LocalImageStore implements ImageStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9_-]{8,128}\\.png");

    private final Path root;
    private final String baseUrl;

    public LocalImageStore(Path root, String baseUrl) {
        this.root = root.toAbsolutePath();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean safeKey(String key) {
        return key != null && SAFE_KEY.matcher(key).matches();
    }

    @Override
    public void put(String key, byte[] png) {
        requireSafe(key);
        try {
            Path temp = Files.createTempFile(root, ".upload-", ".tmp");
            Files.write(temp, png);
            try {
                Files.move(
                        temp, root.resolve(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, root.resolve(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        if (!safeKey(key)) {
            return;
        }
        try {
            Files.deleteIfExists(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] get(String key) {
        if (!safeKey(key)) {
            return null;
        }
        Path file = root.resolve(key);
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String url(String key) {
        return baseUrl + "/" + key;
    }

    @Override
    public boolean reachable() {
        return Files.isDirectory(root) && Files.isWritable(root);
    }

    private static void requireSafe(String key) {
        if (!safeKey(key)) {
            throw new IllegalArgumentException("unsafe image key");
        }
    }
}
