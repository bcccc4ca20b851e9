package app.qrart.engine.gate;

import app.qrart.engine.analysis.ScanAnalysis;

/**
 * What the scan check found on the delivered image: whether it reads back exactly (by every
 * reader named in {@code decoder}), how many candidates were tried and read unaided, whether (and
 * how much) it was repaired (modules touched, share of pixels changed by more than 10 grey levels,
 * SSIM to the unrepaired candidate), and its robustness: the share of simulated camera conditions
 * x readers that still read it; {@code plainRobustness}: the same score of a plain black-on-white
 * code of the symbol at the same module size; {@code relativeRobustness}: the first over the second
 * (1.0 = as robust as a plain code); {@code scanStrength} asked for {@code robustnessTarget}
 * (relative), and {@code robustnessTargetMet} says whether it was reached; rounds: how many
 * generation rounds it took; analysis: module errors of the delivered image per part of the
 * symbol and its EC headroom. {@code pixelsChangedShare} counts the picture's own pixels;
 * {@code borderPixels} is the light border added on every side of a code that reached its
 * picture's edges (0: none), so the delivered image is that much larger than the picture. The
 * strength fields are null in reports stored before strengths, {@code borderPixels} in reports
 * stored before it. {@code symbolVersion} and {@code encodedText}: the delivered symbol's version
 * and the exact text every reader read (a short link, or a URL with its scheme and host in
 * capitals; null in reports stored before them).
 */
public record ScanReport(
        boolean verified,
        String decoder,
        int candidatesTried,
        int candidatesVerified,
        boolean repaired,
        int modulesTouched,
        double pixelsChangedShare,
        double ssim,
        double robustness,
        int rounds,
        ScanAnalysis analysis,
        String scanStrength,
        Double plainRobustness,
        Double relativeRobustness,
        Double robustnessTarget,
        Boolean robustnessTargetMet,
        Integer borderPixels,
        Integer symbolVersion,
        String encodedText) {

    /** The same report for a delivery that took this many rounds. */
    public ScanReport afterRounds(int total) {
        return new ScanReport(
                verified,
                decoder,
                candidatesTried,
                candidatesVerified,
                repaired,
                modulesTouched,
                pixelsChangedShare,
                ssim,
                robustness,
                total,
                analysis,
                scanStrength,
                plainRobustness,
                relativeRobustness,
                robustnessTarget,
                robustnessTargetMet,
                borderPixels,
                symbolVersion,
                encodedText);
    }
}
