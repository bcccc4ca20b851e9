package app.qrart.engine.analysis;

import java.util.List;

/**
 * How an image's modules compare with the intended symbol: errors in function patterns (finders,
 * separators, timing, alignment, format and version information), in the quiet zone, and per
 * Reed-Solomon block against what the block can correct. {@code ecHeadroom} is
 * 1 - max over blocks of (errors / correctable): 1 is clean, 0 is at the limit, below 0 unreadable
 * without luck.
 */
public record ScanAnalysis(
        int functionModuleErrors,
        int functionModules,
        int quietZoneErrors,
        int quietZoneModules,
        List<BlockErrors> blocks,
        double ecHeadroom) {

    /** Codewords of one block that differ, against the errors its EC codewords correct. */
    public record BlockErrors(int errors, int correctable) {}
}
