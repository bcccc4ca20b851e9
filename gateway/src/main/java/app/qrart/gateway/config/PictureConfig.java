package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How uploaded pictures become codes ("your picture") and how codes in pictures are fixed ("fix a code"). */
@ConfigMapping(prefix = "qrart.pictures")
public interface PictureConfig {

    /** Fewest pixels per module a code in the user's picture may have; smaller pictures are refused. */
    @WithDefault("4")
    int minModulePixels();

    /** Longer side of the delivered picture at most; larger uploads are scaled down first. */
    @WithDefault("1024")
    int maxSide();

    /** Placement when the request names none: fill (the code covers the square picture) or center. */
    @WithDefault("fill")
    String defaultPlacement();

    /** Side of the code under "center" placement, as a share of the picture's shorter side. */
    @WithDefault("0.6")
    double centerShare();

    /**
     * Versions past the smallest the content fits that the choice of symbol considers (default: the
     * engine's {@code PictureEmbedder.EXTRA_VERSIONS}).
     */
    Optional<Integer> extraVersions();

    /** Longer side of a picture to fix at most; larger ones are scaled down first. */
    @WithDefault("2048")
    int maxRepairSide();

    /** Shorter side of a picture to fix at least, in pixels. */
    @WithDefault("64")
    int minRepairSide();

    /** Longest content of a code to fix, in characters (a QR code holds at most 2953 bytes). */
    @WithDefault("3000")
    int maxRepairContentChars();

    /**
     * Share of modules that may disagree with the content's symbol for a located code to count as it
     * (default: the engine's {@code SymbolLocator.MAX_DISAGREEMENT}).
     */
    Optional<Double> maxDisagreement();
}
