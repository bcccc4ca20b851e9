package app.qrart.gateway.validation;

import app.qrart.engine.encode.LinkCodes;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.gate.ScanStrength;
import app.qrart.gateway.config.GenerationConfig;
import app.qrart.gateway.config.PictureConfig;
import app.qrart.gateway.config.UploadConfig;
import app.qrart.gateway.job.JobKind;
import app.qrart.gateway.job.Parameters;
import app.qrart.gateway.links.ShortLinks;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a request into the parameters used, or an {@link InvalidFieldException} naming the field. */
@ApplicationScoped
public class RequestValidator {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]{0,31}):(?!\\s)");
    private static final Set<String> ALWAYS_REFUSED = Set.of("javascript", "data", "vbscript", "file");
    static final long MAX_SEED = (1L << 53) - 1;
    /** The control window's ends are fractions of the denoising steps. */
    private static final Limits.Range CONTROL_WINDOW = new Limits.Range(0.0, 1.0);

    static final List<String> LEVELS = List.of("L", "M", "Q", "H");

    /** Where "your picture" puts the code: over the whole picture, or in a square at its centre. */
    public static final List<String> PLACEMENTS = List.of("fill", "center");

    private final GenerationConfig config;
    private final UploadConfig uploads;
    private final PictureConfig pictures;
    private final QrEncoder encoder;
    private final ShortLinks links;
    private final SecureRandom random = new SecureRandom();

    public RequestValidator(
            GenerationConfig config,
            UploadConfig uploads,
            PictureConfig pictures,
            QrEncoder encoder,
            ShortLinks links) {
        this.config = config;
        this.uploads = uploads;
        this.pictures = pictures;
        this.encoder = encoder;
        this.links = links;
    }

    /** The rules below, as data for clients. */
    public Limits limits() {
        return new Limits(
                config.maxContentChars(),
                encoder.byteCapacity(),
                config.allowedSchemes(),
                ALWAYS_REFUSED.stream().sorted().toList(),
                config.maxPromptChars(),
                config.allowedSizes(),
                strengthRange(),
                controlnetScaleRange(),
                guidanceScaleRange(),
                CONTROL_WINDOW,
                config.maxSteps(),
                config.maxCandidates(),
                MAX_SEED,
                ScanStrength.apiNames(),
                LEVELS,
                capacities(),
                StructuredContent.types(),
                new Limits.Uploads(
                        uploads.maxImageBytes(),
                        uploads.maxPixels(),
                        uploads.formats(),
                        PLACEMENTS,
                        pictures.minModulePixels(),
                        pictures.maxSide(),
                        JobKind.apiNames()),
                linkLimits(),
                new Limits.Defaults(
                        config.defaultStrength(),
                        config.defaultControlnetScale(),
                        config.defaultGuidanceScale(),
                        config.defaultSteps(),
                        config.defaultSize(),
                        config.defaultCandidates(),
                        config.defaultControlGuidanceStart(),
                        config.defaultControlGuidanceEnd(),
                        defaultScanStrength().apiName(),
                        encoder.defaultLevel().name(),
                        pictures.defaultPlacement()));
    }

    private Limits.Links linkLimits() {
        Map<String, Integer> versions = new LinkedHashMap<>();
        links.codes().ifPresent(codes -> {
            for (String level : LEVELS) {
                versions.put(level, codes.version(ErrorCorrectionLevel.valueOf(level)));
            }
        });
        return new Limits.Links(
                links.enabled(),
                links.codes().map(LinkCodes::base).orElse(null),
                links.destinations().maxChars(),
                versions);
    }

    /** The placement of a "your picture" job: the one asked for, else the configured default. */
    public String placement(String requested) {
        String placement = requested == null ? pictures.defaultPlacement() : requested;
        if (!PLACEMENTS.contains(placement)) {
            throw new InvalidFieldException(
                    "placement",
                    "'placement' must be one of " + String.join(", ", PLACEMENTS) + ", got '" + placement + "'");
        }
        return placement;
    }

    /** The version a content needs at a level, and a short link's version when it could have one. */
    public Limits.VersionHint versionHint(String content, String level) {
        String chosen = errorCorrection(level);
        ErrorCorrectionLevel ec = ErrorCorrectionLevel.valueOf(chosen);
        String text = text(content, "content", links.destinations().maxChars(), true);
        OptionalInt version = encoder.smallestVersion(text, ec);
        Integer shortVersion = links.codes()
                .filter(codes -> isLink(text))
                .map(codes -> codes.version(ec))
                .orElse(null);
        Integer needed = version.isPresent() ? version.getAsInt() : null;
        return new Limits.VersionHint(chosen, needed, shortVersion, encoder.maxVersion());
    }

    private static boolean isLink(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private Map<String, Integer> capacities() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String level : LEVELS) {
            out.put(level, encoder.byteCapacity(ErrorCorrectionLevel.valueOf(level)));
        }
        return out;
    }

    private Limits.Range strengthRange() {
        return new Limits.Range(config.minStrength(), config.maxStrength());
    }

    private Limits.Range controlnetScaleRange() {
        return new Limits.Range(0.0, config.maxControlnetScale());
    }

    private Limits.Range guidanceScaleRange() {
        return new Limits.Range(0.0, config.maxGuidanceScale());
    }

    /** The code's content: given as it is, or built from structured fields (exactly one of the two). */
    public String content(String given, Map<String, String> fields) {
        return content(given, fields, config.maxContentChars());
    }

    /** The content, up to {@code maxChars} characters (a code to fix may hold more than one we make). */
    public String content(String given, Map<String, String> fields, int maxChars) {
        if (given != null && fields != null) {
            throw new InvalidFieldException("content", "give either 'content' or 'contentFields', not both");
        }
        if (fields != null) {
            return text(StructuredContent.build(fields), "contentFields", maxChars, true);
        }
        return plainContent(given, maxChars);
    }

    /**
     * The content of a job that may ask for a short link: with one, a link of up to the links'
     * length in {@code content} (it need not fit a code), never structured content.
     */
    public String content(String given, Map<String, String> fields, Boolean shortLink) {
        if (!Boolean.TRUE.equals(shortLink)) {
            return content(given, fields);
        }
        if (!links.enabled()) {
            throw new InvalidFieldException("shortLink", "short links are not enabled on this server");
        }
        if (fields != null) {
            throw new InvalidFieldException(
                    "shortLink", "'shortLink' needs a link in 'content'; structured content cannot be shortened");
        }
        return content(given, null, links.destinations().maxChars());
    }

    /** The short link drafted for a link, when the request asks for one (null otherwise). */
    public ShortLinks.Draft shortLink(Boolean asked, String content, String level) {
        return Boolean.TRUE.equals(asked) ? links.draft(content, "content", ErrorCorrectionLevel.valueOf(level)) : null;
    }

    private String plainContent(String given, int maxChars) {
        String content = text(given, "content", maxChars, true);
        // Browsers drop whitespace and controls inside a scheme ("java\tscript:"), so match without them.
        Matcher scheme = SCHEME.matcher(content.replaceAll("[\\s\\p{Cntrl}]", ""));
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (ALWAYS_REFUSED.contains(name) || !config.allowedSchemes().contains(name)) {
                throw new InvalidFieldException(
                        "content",
                        "URL scheme '" + name + ":' is not allowed; allowed: "
                                + String.join(", ", config.allowedSchemes()));
            }
        }
        return content;
    }

    public Parameters parameters(GenerationRequest r) {
        int steps = integer(r.steps(), config.defaultSteps(), "steps", 1, config.maxSteps());
        double strength = number(r.strength(), config.defaultStrength(), "strength", strengthRange());
        if ((int) (steps * strength) < 1) {
            throw new InvalidFieldException(
                    "strength",
                    "strength " + strength + " with " + steps + " steps runs no denoising step; raise one of them");
        }
        int size = integer(r.size(), config.defaultSize(), "size", 1, 4096);
        if (!config.allowedSizes().contains(size)) {
            throw new InvalidFieldException("size", "size must be one of " + config.allowedSizes() + ", got " + size);
        }
        double controlStart = number(
                r.controlGuidanceStart(), config.defaultControlGuidanceStart(), "controlGuidanceStart", CONTROL_WINDOW);
        double controlEnd = number(
                r.controlGuidanceEnd(), config.defaultControlGuidanceEnd(), "controlGuidanceEnd", CONTROL_WINDOW);
        if (controlStart >= controlEnd) {
            throw new InvalidFieldException(
                    "controlGuidanceEnd",
                    "'controlGuidanceEnd' (" + controlEnd + ") must be greater than 'controlGuidanceStart' ("
                            + controlStart + ")");
        }
        return new Parameters(
                text(r.prompt(), "prompt", config.maxPromptChars(), true),
                r.negativePrompt() == null
                        ? ""
                        : text(r.negativePrompt(), "negativePrompt", config.maxPromptChars(), false),
                strength,
                number(r.controlnetScale(), config.defaultControlnetScale(), "controlnetScale", controlnetScaleRange()),
                number(r.guidanceScale(), config.defaultGuidanceScale(), "guidanceScale", guidanceScaleRange()),
                steps,
                seed(r.seed()),
                size,
                integer(r.candidates(), config.defaultCandidates(), "candidates", 1, config.maxCandidates()),
                Boolean.TRUE.equals(r.allowSmallerSize()),
                controlStart,
                controlEnd,
                scanStrength(r.scanStrength()),
                errorCorrection(r.errorCorrection()),
                null);
    }

    /** The error-correction level asked for (L, M, Q or H), or the configured one. */
    public String errorCorrection(String level) {
        if (level == null) {
            return encoder.defaultLevel().name();
        }
        if (!LEVELS.contains(level)) {
            throw new InvalidFieldException(
                    "errorCorrection",
                    "'errorCorrection' must be one of " + String.join(", ", LEVELS) + ", got '" + level + "'");
        }
        return level;
    }

    public ScanStrength scanStrength(String name) {
        if (name == null) {
            return defaultScanStrength();
        }
        return ScanStrength.fromApiName(name)
                .orElseThrow(() -> new InvalidFieldException(
                        "scanStrength",
                        "'scanStrength' must be one of " + String.join(", ", ScanStrength.apiNames()) + ", got '" + name
                                + "'"));
    }

    /** The configured default, checked against the strengths there are when first asked for. */
    private ScanStrength defaultScanStrength() {
        return ScanStrength.fromApiName(config.defaultScanStrength())
                .orElseThrow(() -> new IllegalStateException("qrart.generation.default-scan-strength must be one of "
                        + ScanStrength.apiNames() + ", got '" + config.defaultScanStrength() + "'"));
    }

    private long seed(Long seed) {
        if (seed == null) {
            return random.nextLong(MAX_SEED);
        }
        if (seed < 0 || seed > MAX_SEED) {
            throw new InvalidFieldException("seed", "seed must be in [0, " + MAX_SEED + "], got " + seed);
        }
        return seed;
    }

    public static String text(String value, String field, int max, boolean required) {
        if (value == null || (required && value.isBlank())) {
            throw new InvalidFieldException(field, "'" + field + "' is required and must not be empty");
        }
        if (value.length() > max) {
            throw new InvalidFieldException(
                    field, "'" + field + "' is " + value.length() + " characters; at most " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidFieldException(field, "'" + field + "' contains control characters");
            }
            if (Character.getType(c) == Character.FORMAT) {
                // Bidi overrides and zero-width characters hide what a link really says.
                throw new InvalidFieldException(field, "'" + field + "' contains invisible formatting characters");
            }
            if (Character.isSurrogate(c) && !validSurrogatePair(value, i)) {
                throw new InvalidFieldException(field, "'" + field + "' is not valid UTF-8 text");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return value;
    }

    private static boolean validSurrogatePair(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i))
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }

    private static double number(Double value, double fallback, String field, Limits.Range range) {
        double v = value == null ? fallback : value;
        if (Double.isNaN(v) || v < range.min() || v > range.max()) {
            throw new InvalidFieldException(
                    field, "'" + field + "' must be in [" + range.min() + ", " + range.max() + "], got " + v);
        }
        return v;
    }

    private static int integer(Integer value, int fallback, String field, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new InvalidFieldException(field, "'" + field + "' must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }
}
