package app.qrart.engine.analysis;

import java.util.List;
import java.util.Map;

/**
 * Which modules of a code a reader sees wrong, by the part of the symbol they belong to, each with
 * its outline in the picture's pixels (four corners, clockwise from top-left, x and y pairs) so a
 * client can draw it over the picture. {@code wrongByKind} and {@code modulesByKind} count per
 * {@link ModuleKind}; {@code blocks} and {@code ecHeadroom} are as in {@link ScanAnalysis}.
 */
public record ModuleMap(
        int width,
        int quietZone,
        List<WrongModule> wrong,
        Map<ModuleKind, Integer> wrongByKind,
        Map<ModuleKind, Integer> modulesByKind,
        List<ScanAnalysis.BlockErrors> blocks,
        double ecHeadroom) {

    /** One module seen wrong: where it is in the symbol (x, y; the quiet zone is negative or past the width). */
    public record WrongModule(int x, int y, ModuleKind kind, boolean shouldBeDark, double[] outline) {}
}
