package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The scan check and the repair of codes that fail it. */
@ConfigMapping(prefix = "qrart.scan")
public interface ScanConfig {

    /** Repair candidates that do not scan instead of failing them. */
    @WithDefault("true")
    boolean repair();

    /** Largest share of pixels a repair may change by more than 10 grey levels; beyond it the code fails. */
    @WithDefault("0.75")
    double maxPixelsChanged();

    /** Luminance a dark module's centre is pushed down to (0-255). */
    @WithDefault("45")
    int darkTarget();

    /** Luminance a light module's centre (and the quiet zone) is pushed up to (0-255). */
    @WithDefault("215")
    int lightTarget();

    /** Diameter of the repaired centre of a data module, as a share of the module. */
    @WithDefault("0.5")
    double dotShare();

    /** Extra rounds, with new seeds and a firmer QR control, when no candidate scans even after repair. */
    @WithDefault("2")
    int retryRounds();

    /** ControlNet conditioning scale added per extra round (capped at the largest accepted value). */
    @WithDefault("0.3")
    double retryControlnetStep();
}
