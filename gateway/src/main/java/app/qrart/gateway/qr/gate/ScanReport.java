package app.qrart.gateway.qr.gate;

import app.qrart.gateway.qr.analysis.ScanAnalysis;

/**
 * What the scan check found on the delivered image: whether it reads back exactly, how many
 * candidates were tried and read unaided, whether (and how much) it was repaired (modules touched,
 * share of pixels changed by more than 10 grey levels, SSIM to the unrepaired candidate), and its
 * robustness: the share of simulated camera conditions x decoders that still read it; rounds: how
 * many generation rounds it took (more than 1 when the first candidates could not be made to scan);
 * analysis: module errors of the delivered image per part of the symbol and its EC headroom.
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
        ScanAnalysis analysis) {}
