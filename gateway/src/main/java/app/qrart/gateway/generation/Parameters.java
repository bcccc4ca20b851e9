package app.qrart.gateway.generation;

import app.qrart.gateway.qr.gate.ScanStrength;

/**
 * Every parameter a generation used, recorded so a client can reuse it. {@code allowSmallerSize}:
 * when one image of {@code size} does not fit in the model server's GPU memory, the job may be
 * made once at the next smaller allowed size instead of failing. {@code controlGuidanceStart} /
 * {@code controlGuidanceEnd}: the fractions of the denoising steps between which the ControlNet runs. {@code scanStrength}: how robust
 * the delivered code is made (a relative robustness target and a footprint cap).
 */
public record Parameters(
        String prompt,
        String negativePrompt,
        double strength,
        double controlnetScale,
        double guidanceScale,
        int steps,
        long seed,
        int size,
        int candidates,
        boolean allowSmallerSize,
        double controlGuidanceStart,
        double controlGuidanceEnd,
        ScanStrength scanStrength) {

    /** The same parameters with another seed and conditioning scale (a retry round). */
    public Parameters escalated(long newSeed, double newControlnetScale) {
        return new Parameters(
                prompt,
                negativePrompt,
                strength,
                newControlnetScale,
                guidanceScale,
                steps,
                newSeed,
                size,
                candidates,
                allowSmallerSize,
                controlGuidanceStart,
                controlGuidanceEnd,
                scanStrength);
    }

    /** The same parameters at another size. */
    public Parameters resized(int newSize) {
        return new Parameters(
                prompt,
                negativePrompt,
                strength,
                controlnetScale,
                guidanceScale,
                steps,
                seed,
                newSize,
                candidates,
                allowSmallerSize,
                controlGuidanceStart,
                controlGuidanceEnd,
                scanStrength);
    }
}
