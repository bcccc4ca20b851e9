package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/**
 * The scan gate's operator policy and the rounds a job may spend on it. Each policy property left
 * unset takes the engine's default ({@code ScanPolicy.DEFAULTS} in qr-engine); the rounds are the
 * gateway's own.
 */
@ConfigMapping(prefix = "qrart.scan")
public interface ScanConfig {

    /** Repair candidates that do not scan instead of failing them (default true). */
    Optional<Boolean> repair();

    /**
     * Largest share of pixels a repair may change by more than 10 grey levels to make a code read
     * at all; beyond it the code fails (default 0.75).
     */
    Optional<Double> maxPixelsChanged();

    /** Each strength's goals, by strength ({@code artistic}, {@code balanced}, {@code robust}). */
    @WithName("strength")
    Map<String, Strength> strengths();

    /** What one strength aims for; each unset value keeps the engine's default for that strength. */
    interface Strength {

        /** Relative robustness (1.0 = as robust as a plain code) a drawn code's repair goes on for. */
        Optional<Double> target();

        /** Largest share of pixels a drawn code's repair changes in pursuit of its target. */
        Optional<Double> maxPixelsChanged();

        /** A code fixed in place in someone's picture. */
        @WithName("in-place")
        InPlace inPlace();
    }

    /** The goals of a code fixed in place, counted from the picture itself. */
    interface InPlace {

        /** Its target. */
        Optional<Double> target();

        /** Its footprint cap. */
        Optional<Double> maxPixelsChanged();
    }

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
