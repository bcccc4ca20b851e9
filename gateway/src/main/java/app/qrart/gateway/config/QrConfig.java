package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How the QR symbol is encoded and drawn as the ControlNet's control image. Each property left
 * unset takes the engine's default ({@code SymbolSettings.DEFAULTS} in qr-engine).
 */
@ConfigMapping(prefix = "qrart.qr")
public interface QrConfig {

    /** Error-correction level: L, M, Q or H (H survives the most artistic damage; default H). */
    Optional<String> errorCorrection();

    /** Highest QR version allowed; longer content is refused (1-40; default 10). */
    Optional<Integer> maxVersion();

    /**
     * Encode a URL's scheme and host in capitals (they are case-insensitive) as a segment of QR's
     * alphanumeric mode when that lowers the version; the path keeps its case (default true).
     */
    Optional<Boolean> compactUrls();

    /** Quiet zone around the symbol, in modules (default 4). */
    Optional<Integer> quietZoneModules();

    /** Grey level of dark modules in the control image (0 = black, the default). */
    Optional<Integer> darkLevel();

    /** Grey level of light modules and the quiet zone (255 = white, the default). */
    Optional<Integer> lightLevel();
}
