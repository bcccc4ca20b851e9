package app.qrart.scanbench;

import java.util.Locale;

/** What the benchmark judged of one delivered image, as a row of scores.csv. */
record Scores(double relative, boolean targetMet, double changed, double ssim, double millis) {

    static final String HEADER = "file,strength,relative_robustness,target_met,pixels_changed,ssim,ms";

    /** The row's cells after the file and strength. */
    String cells() {
        return String.format(Locale.ROOT, "%.4f,%b,%.4f,%.4f,%.0f", relative, targetMet, changed, ssim, millis);
    }
}
