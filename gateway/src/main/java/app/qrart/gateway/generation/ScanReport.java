package app.qrart.gateway.generation;

/**
 * What the scan check found on the delivered image: whether it reads back exactly, how many
 * candidates were tried and read unaided, and whether (and how much) it was repaired.
 */
public record ScanReport(
        boolean verified,
        String decoder,
        int candidatesTried,
        int candidatesVerified,
        boolean repaired,
        int modulesTouched,
        double pixelsChangedShare) {
}
