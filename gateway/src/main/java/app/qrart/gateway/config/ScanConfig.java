package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;

/** The scan check and the repair of codes that fail it. */
@ConfigMapping(prefix = "qrart.scan")
public interface ScanConfig {

    /** Repair candidates that do not scan instead of failing them. */
    @WithDefault("true")
    boolean repair();

    /**
     * Largest share of pixels a repair may change by more than 10 grey levels to make a code read
     * at all; beyond it the code fails. Past a strength's own cap the repair goes on only while nothing reads.
     */
    @WithDefault("0.75")
    double maxPixelsChanged();

    /**
     * Grey levels a repaired module is pushed past the picture's own dark/light threshold (no
     * further than the dark and light targets): pixels already that far are left alone.
     */
    @WithDefault("64")
    int contrastPush();

    /** Darkest luminance a dark module's centre is pushed down to (0-255). */
    @WithDefault("45")
    int darkTarget();

    /** Lightest luminance a light module's centre (and the quiet zone) is pushed up to (0-255). */
    @WithDefault("215")
    int lightTarget();

    /** Diameter of the repaired centre of a data module, as a share of the module: tried in order, smallest first. */
    @WithDefault("0.45,0.6,0.8,1.0")
    List<Double> dotShares();

    /**
     * EC headroom the repair aims for, tried in order at the smallest dot: each block keeps at most
     * (1 - headroom) x its correctable codewords wrong, the cheapest wrong codewords fixed first.
     */
    @WithDefault("0.25,0.5,1.0")
    List<Double> repairHeadroom();

    /**
     * EC headroom a repair must also reach with every module judged by its whole-module mean (what
     * a blurred or distant camera sees), before the last step; below 0 turns the check off. On (0)
     * it buys camera robustness with a larger footprint (see the README's bench-scan figures).
     */
    @WithDefault("-1.0")
    double minBlurredHeadroom();

    /**
     * Camera conditions of the suite ({@code qr/verify/CameraSimulator}) the repair models: each
     * frame is binarized as a phone reader does and every module sampled at its centre.
     */
    @WithName("camera.conditions")
    @WithDefault("downscale-3ppm,downscale-2ppm,gaussian-blur,print-rephotograph,dot-gain,low-contrast-3ppm")
    List<String> cameraConditions();

    /**
     * EC headroom each camera rung keeps in every modelled frame, tried in order: every block
     * keeps at most (1 - headroom) x its correctable codewords misread.
     */
    @WithName("camera.headroom")
    @WithDefault("0.5,1.0")
    List<Double> cameraHeadroom();

    /**
     * Dot sizes, as shares of the module, a module still misread grows through, one per pass:
     * the first at the centre fix's push past the threshold, the others at the dark and light targets.
     */
    @WithName("camera.dot-shares")
    @WithDefault("0.45,0.45,0.6,0.75,0.9,1.0")
    List<Double> cameraDotShares();

    /** Passes of a camera rung, each judging the picture as the previous pass left it. */
    @WithName("camera.passes")
    @WithDefault("4")
    int cameraPasses();

    /**
     * Light border, in modules, added around a located code that reaches its picture's edges (a
     * detector needs light beyond the finders, also at a distance). New canvas around the
     * picture, not a change to it: it does not count towards a strength's footprint.
     */
    @WithDefault("0.625")
    double edgeMargin();

    /**
     * For a picture repaired towards a symbol drawn where the gateway draws it (generated images,
     * embedded pictures), a strength's footprint cap counts the pixels changed beyond the first
     * repair rung that reads; a code located in a picture is capped from the picture itself.
     */
    @WithDefault("true")
    boolean capBeyondFirstRead();

    /**
     * A repair rung that would pass its strength's footprint cap is painted only as far as the cap
     * allows (its dots in order, the longest run within the cap) and measured, instead of ending
     * the climb at the rung before it.
     */
    @WithDefault("true")
    boolean fillToCap();

    /**
     * When a rung meets the target within the cap, how many times its run of dots is halved in
     * search of a shorter run that still meets it (each probe read and measured; 0: off).
     */
    @WithDefault("4")
    int trimProbes();

    /** Grey levels either side of the dark/light threshold within which a module counts as ambiguous. */
    @WithDefault("24")
    int ambiguityMargin();

    /**
     * Grey levels above the dark/light threshold every pixel of a quiet-zone module must reach to
     * count as light: a barely light module beside a finder breaks its outer edge for a local binarizer.
     */
    @WithDefault("16")
    int quietMargin();

    /**
     * artistic: robustness relative to a plain black-on-white code of the same symbol (1.0 = as
     * robust) that the repair of a drawn code (a generation, a picture a code is embedded into)
     * goes on for.
     */
    @WithName("strength.artistic.target")
    @WithDefault("0.75")
    double artisticTarget();

    /** artistic: largest share of pixels a drawn code's repair changes in pursuit of its target. */
    @WithName("strength.artistic.max-pixels-changed")
    @WithDefault("0.05")
    double artisticMaxPixelsChanged();

    /** artistic, a code fixed in place (someone's own code): its target, when not the drawn one's. */
    @WithName("strength.artistic.in-place.target")
    Optional<Double> artisticInPlaceTarget();

    /** artistic, a code fixed in place: its footprint cap, when not the drawn one's. */
    @WithName("strength.artistic.in-place.max-pixels-changed")
    Optional<Double> artisticInPlaceMaxPixelsChanged();

    /** balanced (the default strength): relative robustness a drawn code's repair goes on for. */
    @WithName("strength.balanced.target")
    @WithDefault("0.97")
    double balancedTarget();

    /** balanced: largest share of pixels a drawn code's repair changes in pursuit of its target. */
    @WithName("strength.balanced.max-pixels-changed")
    @WithDefault("0.3")
    double balancedMaxPixelsChanged();

    /**
     * balanced, a code fixed in place: its target. Lower than a drawn code's: the picture is
     * someone's own, and its cap counts every pixel from the picture itself.
     */
    @WithName("strength.balanced.in-place.target")
    @WithDefault("0.92")
    Optional<Double> balancedInPlaceTarget();

    /** balanced, a code fixed in place: its footprint cap. */
    @WithName("strength.balanced.in-place.max-pixels-changed")
    @WithDefault("0.14")
    Optional<Double> balancedInPlaceMaxPixelsChanged();

    /** robust: relative robustness a drawn code's repair goes on for. */
    @WithName("strength.robust.target")
    @WithDefault("0.98")
    double robustTarget();

    /** robust: largest share of pixels a drawn code's repair changes in pursuit of its target. */
    @WithName("strength.robust.max-pixels-changed")
    @WithDefault("0.5")
    double robustMaxPixelsChanged();

    /** robust, a code fixed in place: its target, when not the drawn one's. */
    @WithName("strength.robust.in-place.target")
    Optional<Double> robustInPlaceTarget();

    /** robust, a code fixed in place: its footprint cap, when not the drawn one's. */
    @WithName("strength.robust.in-place.max-pixels-changed")
    Optional<Double> robustInPlaceMaxPixelsChanged();

    /**
     * Whether a round whose delivery misses its strength's robustness target is followed by
     * another round (new seeds, firmer control), the most robust delivery of all rounds kept. Off
     * by default: each round is a full pass on the GPU, and the repair already climbs towards the target.
     */
    @WithDefault("false")
    boolean retryForRobustness();

    /** Extra rounds, with new seeds and a firmer QR control, when no candidate scans even after repair. */
    @WithDefault("2")
    int retryRounds();

    /** ControlNet conditioning scale added per extra round (capped at the largest accepted value). */
    @WithDefault("0.3")
    double retryControlnetStep();
}
