package app.qrart.gateway.validation;

import java.util.List;
import java.util.Map;

/**
 * What the API accepts and what it fills in, so a client can validate as the gateway does.
 * {@code maxContentBytes} is the QR byte-mode capacity (UTF-8) at the configured version cap and
 * error-correction level; purely numeric or upper-case content may fit a little more. Both ends of
 * the control window lie in {@code controlGuidance}, the start below the end; {@code scanStrengths}
 * lists the accepted values of {@code scanStrength}. {@code maxContentBytesByLevel}: the byte
 * capacity at each error-correction level; {@code contentTypes}: the structured content types and
 * their fields; {@code uploads}: what picture uploads may be; {@code links}: short links.
 */
public record Limits(
        int maxContentChars,
        int maxContentBytes,
        List<String> allowedSchemes,
        List<String> refusedSchemes,
        int maxPromptChars,
        List<Integer> allowedSizes,
        Range strength,
        Range controlnetScale,
        Range guidanceScale,
        Range controlGuidance,
        int maxSteps,
        int maxCandidates,
        long maxSeed,
        List<String> scanStrengths,
        List<String> errorCorrectionLevels,
        Map<String, Integer> maxContentBytesByLevel,
        List<StructuredContent.ContentType> contentTypes,
        Uploads uploads,
        Links links,
        Defaults defaults) {

    /**
     * Short links: whether this server makes them, the URL before the code, the longest
     * destination, and the version of a short link's code at each error-correction level.
     */
    public record Links(
            boolean enabled, String baseUrl, int maxDestinationChars, Map<String, Integer> versionByLevel) {}

    /**
     * The QR version a content needs at a level as given (null: more than any version holds; over
     * {@code maxVersion} the gateway refuses it) and, for a link on a server with short links, the
     * version of a short link to it (else null).
     */
    public record VersionHint(String errorCorrection, Integer version, Integer shortLinkVersion, int maxVersion) {}

    /**
     * Picture uploads: the largest file, the most pixels, the formats, the placements, the fewest
     * pixels per module of a code in a picture, and the kinds of job the gallery filters on.
     */
    public record Uploads(
            int maxImageBytes,
            long maxPixels,
            List<String> formats,
            List<String> placements,
            int minModulePixels,
            int maxSide,
            List<String> jobKinds) {}

    /** An inclusive numeric range. */
    public record Range(double min, double max) {}

    /** The value each optional parameter takes when a request leaves it out. */
    public record Defaults(
            double strength,
            double controlnetScale,
            double guidanceScale,
            int steps,
            int size,
            int candidates,
            double controlGuidanceStart,
            double controlGuidanceEnd,
            String scanStrength,
            String errorCorrection,
            String placement) {}
}
