package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the QR symbol is encoded and drawn as the ControlNet's control image. */
@ConfigMapping(prefix = "qrart.qr")
public interface QrConfig {

    /** Error-correction level: L, M, Q or H (H survives the most artistic damage). */
    @WithDefault("H")
    String errorCorrection();

    /** Highest QR version allowed; longer content is refused (1-40). */
    @WithDefault("10")
    int maxVersion();

    /**
     * Encode a URL's scheme and host in capitals (they are case-insensitive) as a segment of QR's
     * alphanumeric mode when that lowers the version; the path keeps its case.
     */
    @WithDefault("true")
    boolean compactUrls();

    /** Quiet zone around the symbol, in modules. */
    @WithDefault("4")
    int quietZoneModules();

    /** Grey level of dark modules in the control image (0 = black). */
    @WithDefault("0")
    int darkLevel();

    /** Grey level of light modules and the quiet zone (255 = white). */
    @WithDefault("255")
    int lightLevel();
}
