package app.qrart.engine.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** What ImageIO writes to its cache folder while some code runs (its file cache left on, as it is by default). */
public final class ImageIoFiles {

    private ImageIoFiles() {}

    /** Names of the files ImageIO's file cache holds after the action ran with a fresh cache folder. */
    public static List<String> cachedBy(Runnable action) {
        File before = ImageIO.getCacheDirectory();
        boolean used = ImageIO.getUseCache();
        try {
            Path folder = Files.createTempDirectory("imageio-cache");
            ImageIO.setUseCache(true);
            ImageIO.setCacheDirectory(folder.toFile());
            action.run();
            try (Stream<Path> files = Files.list(folder)) {
                return files.map(f -> f.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ImageIO.setCacheDirectory(before);
            ImageIO.setUseCache(used);
        }
    }
}
