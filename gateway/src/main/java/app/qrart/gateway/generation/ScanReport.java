package app.qrart.gateway.generation;

/** What the scan check found on the delivered image. */
public record ScanReport(boolean verified, String decoder, int candidatesTried, int candidatesVerified) {
}
