package app.qrart.gateway.job;

import app.qrart.engine.gate.ScanStrength;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Every parameter a generation used, recorded so a client can reuse it. {@code allowSmallerSize}:
 * when one image of {@code size} does not fit in the model server's GPU memory, the job may be
 * made once at the next smaller allowed size instead of failing. {@code controlGuidanceStart} /
 * {@code controlGuidanceEnd}: the fractions of the denoising steps between which the ControlNet runs. {@code scanStrength}: how robust
 * the delivered code is made (a relative robustness target and a footprint cap).
 * {@code errorCorrection}: the QR error-correction level (L, M, Q or H; null in records made
 * before it could be chosen: the configured level). {@code placement}: where
 * the code sits in an uploaded picture ({@code fill} or {@code center}; null for other kinds).
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
        ScanStrength scanStrength,
        String errorCorrection,
        String placement) {

    /**
     * The parameters of a job made from an uploaded picture: only the code's choices apply (the
     * generation knobs are zero); {@code size} is the side of the code's square in the picture.
     */
    public static Parameters forPicture(
            String prompt, int size, ScanStrength scanStrength, String errorCorrection, String placement) {
        return new Parameters(
                prompt, "", 0, 0, 0, 0, 0, size, 1, false, 0, 0, scanStrength, errorCorrection, placement);
    }

    /** The error-correction level as ZXing names it; null: the configured level. */
    public ErrorCorrectionLevel level() {
        return errorCorrection == null ? null : ErrorCorrectionLevel.valueOf(errorCorrection);
    }

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
                scanStrength,
                errorCorrection,
                placement);
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
                scanStrength,
                errorCorrection,
                placement);
    }
}
