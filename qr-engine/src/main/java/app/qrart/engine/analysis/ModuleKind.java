package app.qrart.engine.analysis;

import com.google.zxing.qrcode.decoder.Version;
import java.util.Locale;

/** The part of a QR symbol a module belongs to, as ISO/IEC 18004 lays it out. */
public enum ModuleKind {
    FINDER,
    TIMING,
    ALIGNMENT,
    FORMAT,
    VERSION,
    DATA,
    QUIET_ZONE;

    /** The name used in the API and in stored reports, e.g. {@code quiet-zone}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind with this API name. */
    public static ModuleKind fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The kind of module (x, y) of a symbol of this version; outside the symbol it is the quiet zone. */
    public static ModuleKind of(int x, int y, Version version, CodewordLayout layout) {
        int size = version.getDimensionForVersion();
        if (x < 0 || y < 0 || x >= size || y >= size) {
            return QUIET_ZONE;
        }
        if (!layout.isFunction(x, y)) {
            return DATA;
        }
        if (version.getVersionNumber() > 6
                && ((x >= size - 11 && x <= size - 9 && y < 6) || (y >= size - 11 && y <= size - 9 && x < 6))) {
            return VERSION;
        }
        boolean nearLeft = x <= 8;
        boolean nearTop = y <= 8;
        boolean nearRight = x >= size - 9;
        boolean nearBottom = y >= size - 9;
        if ((nearLeft && nearTop) || (nearRight && nearTop) || (nearLeft && nearBottom)) {
            if ((x <= 7 || x >= size - 8) && (y <= 7 || y >= size - 8)) {
                return FINDER;
            }
            return x == 6 || y == 6 ? TIMING : FORMAT;
        }
        if (x == 6 || y == 6) {
            return TIMING;
        }
        return ALIGNMENT;
    }
}
