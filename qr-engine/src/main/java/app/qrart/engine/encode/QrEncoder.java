package app.qrart.engine.encode;

import app.qrart.engine.verify.QrVerifier;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes content with ZXing and draws the control image the QR ControlNet expects. Some
 * mask patterns leave finder-like shapes in the data that stop detectors on even a clean code;
 * the encoder keeps the first mask (ZXing's choice, then 0-7) whose clean image both decoders read.
 */
public class QrEncoder {

    private static final int REFERENCE_CANVAS = 512;
    /** A URL whose scheme and host are written in capitals: its segments are chosen by ZXing's minimal encoder. */
    private static final Pattern COMPACT_FORM = Pattern.compile("^HTTPS?://[0-9A-Z.\\-:\\[\\]]+(?=[/?#]|$)");

    private static final Pattern URL = Pattern.compile(
            "^(https?://[0-9A-Za-z.\\-:\\[\\]]+)([/?#].*)?$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final int MASKS = 8;

    private final SymbolSettings config;
    private final QrVerifier verifier;
    private final Map<ErrorCorrectionLevel, Integer> byteCapacity = new ConcurrentHashMap<>();

    public QrEncoder(SymbolSettings config, QrVerifier verifier) {
        this.config = config;
        this.verifier = verifier;
    }

    /** Encodes content at the configured error-correction level, refusing what does not fit or read back. */
    public QrSymbol encode(String content) {
        return encode(content, defaultLevel());
    }

    /** Encodes content at a level (null: the configured one), refusing what does not fit or read back. */
    public QrSymbol encode(String content, ErrorCorrectionLevel level) {
        ErrorCorrectionLevel chosen = level == null ? defaultLevel() : level;
        for (int mask = -1; mask < MASKS; mask++) {
            QrSymbol symbol = encode(content, chosen, 0, mask);
            if (readsBack(symbol)) {
                return symbol;
            }
        }
        throw new UnreadableContentException();
    }

    /**
     * The symbol a job's text is carried by: a URL with its scheme and host in capitals when that
     * lowers the version ({@link SymbolSettings#compactUrls}), else the text as it is.
     */
    public QrSymbol encodeShortest(String text, ErrorCorrectionLevel level) {
        return encode(compactText(text, level == null ? defaultLevel() : level), level);
    }

    /**
     * A URL with its scheme and host in capitals when that lowers its version at the level (its
     * path keeps its case: paths are case-sensitive), else the text as given.
     */
    public String compactText(String text, ErrorCorrectionLevel level) {
        Matcher url = URL.matcher(text);
        if (!config.compactUrls() || !url.matches()) {
            return text;
        }
        String compact = url.group(1).toUpperCase(Locale.ROOT) + (url.group(2) == null ? "" : url.group(2));
        OptionalInt plain = version(text, level);
        OptionalInt shorter = version(compact, level);
        return shorter.isPresent() && (plain.isEmpty() || shorter.getAsInt() < plain.getAsInt()) ? compact : text;
    }

    /**
     * The content at exactly this version, level and mask, without the read-back check; refused
     * when it does not fit that version.
     */
    public QrSymbol encodeAt(String content, ErrorCorrectionLevel level, int version, int mask) {
        return encode(content, level, version, mask);
    }

    /** Whether a clean rendering of the symbol reads exactly by every reader. */
    public boolean readsBack(QrSymbol symbol) {
        return verifier.readsExactly(render(symbol, REFERENCE_CANVAS), symbol.content());
    }

    /**
     * Every symbol of the content at this level from its smallest version to {@code extraVersions}
     * more (within the cap), in each mask; without the read-back check.
     */
    public List<QrSymbol> alternatives(String content, ErrorCorrectionLevel level, int extraVersions) {
        int smallest = encode(content, level, 0, 0).version();
        List<QrSymbol> out = new ArrayList<>();
        for (int version = smallest; version <= Math.min(config.maxVersion(), smallest + extraVersions); version++) {
            for (int mask = 0; mask < MASKS; mask++) {
                out.add(encode(content, level, version, mask));
            }
        }
        return out;
    }

    /** The smallest version that holds the content at the level as a job encodes it, or empty when none does. */
    public OptionalInt smallestVersion(String content, ErrorCorrectionLevel level) {
        return version(compactText(content, level), level);
    }

    private static OptionalInt version(String text, ErrorCorrectionLevel level) {
        try {
            return OptionalInt.of(
                    Encoder.encode(text, level, hints(text)).getVersion().getVersionNumber());
        } catch (WriterException e) {
            return OptionalInt.empty();
        }
    }

    private static Map<EncodeHintType, Object> hints(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        if (COMPACT_FORM.matcher(text).find()) {
            hints.put(EncodeHintType.QR_COMPACT, true);
        }
        return hints;
    }

    /** The configured error-correction level. */
    public ErrorCorrectionLevel defaultLevel() {
        return ErrorCorrectionLevel.valueOf(config.errorCorrection());
    }

    /**
     * Encodes with a given version (0: the smallest that fits) and mask pattern (-1: ZXing's own
     * choice), without the read-back check.
     */
    QrSymbol encode(String content, ErrorCorrectionLevel level, int version, int mask) {
        Map<EncodeHintType, Object> hints = hints(content);
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        if (version > 0) {
            hints.put(EncodeHintType.QR_VERSION, version);
        }
        QRCode code = encode(content, level, hints);
        if (code == null
                || code.getVersion().getVersionNumber() > config.maxVersion()
                || (version > 0 && code.getVersion().getVersionNumber() != version)) {
            throw tooLong(level);
        }
        return new QrSymbol(
                content, code.getMatrix(), code.getVersion().getVersionNumber(), level.name(), code.getMaskPattern());
    }

    /**
     * ZXing's encoder, or null when the content does not fit. Its minimal (compact) encoder always
     * takes the smallest version, so a larger version asked for carries the text in plain segments;
     * a version only the compact segments reach is the compact encoder's own.
     */
    private static QRCode encode(String content, ErrorCorrectionLevel level, Map<EncodeHintType, Object> hints) {
        boolean fixedCompact =
                hints.containsKey(EncodeHintType.QR_VERSION) && hints.containsKey(EncodeHintType.QR_COMPACT);
        try {
            if (fixedCompact) {
                Map<EncodeHintType, Object> plain = new EnumMap<>(hints);
                plain.remove(EncodeHintType.QR_COMPACT);
                try {
                    return Encoder.encode(content, level, plain);
                } catch (WriterException doesNotFitPlain) {
                    Map<EncodeHintType, Object> compact = new EnumMap<>(hints);
                    compact.remove(EncodeHintType.QR_VERSION);
                    return Encoder.encode(content, level, compact);
                }
            }
            return Encoder.encode(content, level, hints);
        } catch (WriterException e) {
            return null;
        }
    }

    private ContentTooLongException tooLong(ErrorCorrectionLevel level) {
        return new ContentTooLongException(config.maxVersion(), level.name());
    }

    /** Quiet zone around a drawn symbol, in modules. */
    public int quietZoneModules() {
        return config.quietZoneModules();
    }

    /** Highest QR version allowed. */
    public int maxVersion() {
        return config.maxVersion();
    }

    /** Longest UTF-8 content, in bytes, that fits the version cap in byte mode at the configured level. */
    public int byteCapacity() {
        return byteCapacity(defaultLevel());
    }

    /** Longest UTF-8 content, in bytes, that fits the version cap in byte mode at a level; found once by search. */
    public int byteCapacity(ErrorCorrectionLevel level) {
        return byteCapacity.computeIfAbsent(level, this::searchCapacity);
    }

    private int searchCapacity(ErrorCorrectionLevel level) {
        int fits = 0;
        int tooLong = 8 * 3000;
        while (tooLong - fits > 1) {
            int middle = (fits + tooLong) / 2;
            if (fits(("x").repeat(middle), level)) {
                fits = middle;
            } else {
                tooLong = middle;
            }
        }
        return fits;
    }

    private boolean fits(String content, ErrorCorrectionLevel level) {
        try {
            encode(content, level, 0, 0);
            return true;
        } catch (ContentTooLongException e) {
            return false;
        }
    }

    /** Module size in pixels for a canvas: the symbol plus its quiet zone fills the canvas. */
    public int modulePixels(QrSymbol symbol, int canvas) {
        return canvas / (symbol.width() + 2 * config.quietZoneModules());
    }

    /** Refuses a canvas that leaves under 2 pixels per module. */
    public int requireCanvasFits(QrSymbol symbol, int canvas) {
        int module = modulePixels(symbol, canvas);
        if (module < 2) {
            throw new CanvasTooSmallException(canvas);
        }
        return module;
    }

    /** Dark modules on a light ground, quiet zone included, centred on a square canvas. */
    public BufferedImage render(QrSymbol symbol, int canvas) {
        int module = requireCanvasFits(symbol, canvas);
        int origin = (canvas - module * symbol.width()) / 2;
        BufferedImage image = new BufferedImage(canvas, canvas, BufferedImage.TYPE_INT_RGB);
        int light = grey(config.lightLevel());
        int dark = grey(config.darkLevel());
        for (int y = 0; y < canvas; y++) {
            for (int x = 0; x < canvas; x++) {
                int mx = Math.floorDiv(x - origin, module);
                int my = Math.floorDiv(y - origin, module);
                boolean inside = mx >= 0 && my >= 0 && mx < symbol.width() && my < symbol.width();
                image.setRGB(x, y, inside && symbol.dark(mx, my) ? dark : light);
            }
        }
        return image;
    }

    private static int grey(int level) {
        return (level << 16) | (level << 8) | level;
    }
}
