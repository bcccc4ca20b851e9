package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Request limits and the defaults of a generation (the original system's knobs). */
@ConfigMapping(prefix = "qrart.generation")
public interface GenerationConfig {

    /** Longest prompt or negative prompt, in characters. */
    @WithDefault("1000")
    int maxPromptChars();

    /** Longest QR content, in characters (the QR capacity check comes on top). */
    @WithDefault("1000")
    int maxContentChars();

    /** URL schemes accepted in content that looks like a URL; javascript: and data: are always refused. */
    @WithDefault("https,http,mailto,tel,sms,geo,wifi")
    List<String> allowedSchemes();

    /** Output sizes in pixels (square). */
    @WithDefault("512,768")
    List<Integer> allowedSizes();

    /** Default img2img strength. */
    @WithDefault("0.9")
    double defaultStrength();

    /** Default ControlNet conditioning scale. */
    @WithDefault("1.3")
    double defaultControlnetScale();

    /** Default classifier-free guidance scale. */
    @WithDefault("7.5")
    double defaultGuidanceScale();

    /** Default fraction of the denoising steps at which the ControlNet starts. */
    @WithDefault("0.0")
    double defaultControlGuidanceStart();

    /** Default fraction of the denoising steps after which the ControlNet stops. */
    @WithDefault("1.0")
    double defaultControlGuidanceEnd();

    /** Default scanStrength (artistic, balanced or robust; targets in qrart.scan.strength.*). */
    @WithDefault("balanced")
    String defaultScanStrength();

    /** Smallest img2img strength accepted. */
    @WithDefault("0.01")
    double minStrength();

    /** Largest img2img strength accepted. */
    @WithDefault("1.0")
    double maxStrength();

    /** Largest ControlNet conditioning scale accepted (the smallest is 0). */
    @WithDefault("4.0")
    double maxControlnetScale();

    /** Largest classifier-free guidance scale accepted (the smallest is 0). */
    @WithDefault("30.0")
    double maxGuidanceScale();

    /** Default number of denoising steps. */
    @WithDefault("30")
    int defaultSteps();

    /** Largest number of denoising steps. */
    @WithDefault("100")
    int maxSteps();

    /** Default output size in pixels. */
    @WithDefault("512")
    int defaultSize();

    /** Default number of candidates generated per request. */
    @WithDefault("1")
    int defaultCandidates();

    /** Largest number of candidates per request. */
    @WithDefault("8")
    int maxCandidates();

    /** Generations running at once in this gateway (each may hold several candidates). */
    @WithDefault("16")
    int maxConcurrent();

    /** Generations waiting for a slot before new ones are refused with 429. */
    @WithDefault("256")
    int maxQueued();

    /** Longest wait of GET ?wait=true, in seconds. */
    @WithDefault("120")
    int maxWaitSeconds();
}
