package app.qrart.gateway.generation;

/**
 * What the scan check found on the delivered image: whether it reads back exactly, how many
 * candidates were tried and read unaided, whether (and how much) it was repaired, and its
 * robustness: the share of simulated camera conditions x decoders that still read it.
 */
public record ScanReport(
        boolean verified,
        String decoder,
        int candidatesTried,
        int candidatesVerified,
        boolean repaired,
        int modulesTouched,
        double pixelsChangedShare,
        double robustness) {
}
