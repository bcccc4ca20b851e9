package app.qrart.engine.encode;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The short URL's shape: a base in QR's alphanumeric set and a random code of capitals and digits
 * without look-alikes (no 0, O, 1 or I), as long as the smallest version of the whole URL at the
 * level holds, never shorter than the configured minimum. Codes are matched in any case.
 */
public final class LinkCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final Pattern BASE = Pattern.compile("HTTPS?://[0-9A-Z$%*+\\-.:]+(/[0-9A-Z$%*+\\-.:]*)*/");
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{1,32}");
    /** More characters than this buy no useful protection against guessing. */
    private static final int MAX_CODE_CHARS = 16;

    private final String base;
    private final int minChars;
    private final SecureRandom random = new SecureRandom();
    private final Map<ErrorCorrectionLevel, Integer> lengths = new ConcurrentHashMap<>();

    /** Refuses a base that a QR code cannot carry in alphanumeric mode or that is no http(s) URL. */
    public LinkCodes(String base, int minChars) {
        if (!BASE.matcher(base).matches()) {
            throw new IllegalArgumentException("qrart.links.base-url must be an HTTP(S) URL in capitals ending in '/'"
                    + " (QR alphanumeric characters only: A-Z 0-9 $%*+-./:), e.g. HTTPS://QRA.RT/; got '" + base
                    + "'");
        }
        if (minChars < 1 || minChars > MAX_CODE_CHARS) {
            throw new IllegalArgumentException("qrart.links.min-code-chars must be in [1, " + MAX_CODE_CHARS + "]");
        }
        this.base = base;
        this.minChars = minChars;
    }

    public String base() {
        return base;
    }

    /** The path the redirects answer on: the base's path, e.g. /S/ ("/" for a base without one). */
    public String path() {
        int hostStart = base.indexOf("://") + 3;
        return base.substring(base.indexOf('/', hostStart));
    }

    /** A fresh random code of the length the level allows. */
    public String draw(ErrorCorrectionLevel level) {
        return draw(length(level));
    }

    /** A fresh random code of {@code length} characters. */
    public String draw(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public String url(String code) {
        return base + code;
    }

    /** The code in its stored form, or empty for text that no code could be. */
    public static Optional<String> normalise(String given) {
        if (given == null) {
            return Optional.empty();
        }
        String upper = given.toUpperCase(Locale.ROOT);
        return CODE.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
    }

    /** Characters of a code at this level: as many as the version of the shortest URL holds. */
    public int length(ErrorCorrectionLevel level) {
        return lengths.computeIfAbsent(level, this::longestAtSmallestVersion);
    }

    /** The version of a short URL at this level. */
    public int version(ErrorCorrectionLevel level) {
        return version(base + "2".repeat(length(level)), level);
    }

    private int longestAtSmallestVersion(ErrorCorrectionLevel level) {
        int smallest = version(base + "2".repeat(minChars), level);
        int length = minChars;
        while (length < MAX_CODE_CHARS && version(base + "2".repeat(length + 1), level) == smallest) {
            length++;
        }
        return length;
    }

    private static int version(String text, ErrorCorrectionLevel level) {
        try {
            return Encoder.encode(text, level).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("a short URL this long does not fit any QR version", e);
        }
    }
}
