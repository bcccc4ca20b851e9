package app.qrart.engine.encode;

/**
 * How symbols are encoded and drawn.
 *
 * @param errorCorrection error-correction level, L, M, Q or H (H survives the most artistic damage)
 * @param maxVersion highest QR version allowed; longer content is refused (1-40)
 * @param compactUrls encode a URL's scheme and host in capitals (they are case-insensitive) as a
 *     segment of QR's alphanumeric mode when that lowers the version; the path keeps its case
 * @param quietZoneModules quiet zone around the symbol, in modules
 * @param darkLevel grey level of dark modules in the control image (0 = black)
 * @param lightLevel grey level of light modules and the quiet zone (255 = white)
 */
public record SymbolSettings(
        String errorCorrection,
        int maxVersion,
        boolean compactUrls,
        int quietZoneModules,
        int darkLevel,
        int lightLevel) {

    /** The engine's defaults, also the gateway's unless its configuration says otherwise. */
    public static final SymbolSettings DEFAULTS = new SymbolSettings("H", 10, true, 4, 0, 255);

    public SymbolSettings {
        if (!errorCorrection.matches("[LMQH]")) {
            throw new IllegalArgumentException("errorCorrection must be L, M, Q or H, got " + errorCorrection);
        }
        if (maxVersion < 1 || maxVersion > 40) {
            throw new IllegalArgumentException("maxVersion must be 1-40, got " + maxVersion);
        }
    }

    public SymbolSettings withMaxVersion(int version) {
        return new SymbolSettings(errorCorrection, version, compactUrls, quietZoneModules, darkLevel, lightLevel);
    }

    public SymbolSettings withCompactUrls(boolean compact) {
        return new SymbolSettings(errorCorrection, maxVersion, compact, quietZoneModules, darkLevel, lightLevel);
    }
}
