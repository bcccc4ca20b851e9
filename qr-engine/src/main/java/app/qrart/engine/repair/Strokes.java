package app.qrart.engine.repair;

import app.qrart.engine.analysis.ModuleGrid;
import app.qrart.engine.image.RgbImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The dots a step paints, in order, so that the first n of them can be painted again on a copy
 * of the picture as the step found it (each dot depends only on the pixels under it).
 */
final class Strokes {
    private final ModuleGrid grid;
    private final List<Stroke> painted = new ArrayList<>();

    private record Stroke(int x, int y, double share, boolean dark, int darkTarget, int lightTarget, boolean flatten) {}

    Strokes(ModuleGrid grid) {
        this.grid = grid;
    }

    /** Paints the dot ({@link ModuleGrid#paint}) and records it; true when a pixel changed. */
    boolean paint(
            BufferedImage image,
            int x,
            int y,
            double share,
            boolean dark,
            int darkTarget,
            int lightTarget,
            boolean flatten) {
        Stroke stroke = new Stroke(x, y, share, dark, darkTarget, lightTarget, flatten);
        painted.add(stroke);
        return draw(image, stroke);
    }

    int size() {
        return painted.size();
    }

    /** How many distinct modules the first n strokes paint. */
    int touched(int n) {
        return (int) painted.subList(0, n).stream()
                .map(stroke -> List.of(stroke.x(), stroke.y()))
                .distinct()
                .count();
    }

    /** A copy of the picture with the first n strokes painted on it. */
    BufferedImage replay(BufferedImage before, int n) {
        BufferedImage image = RgbImages.copy(before);
        for (Stroke stroke : painted.subList(0, n)) {
            draw(image, stroke);
        }
        return image;
    }

    private boolean draw(BufferedImage image, Stroke s) {
        return grid.paint(image, s.x(), s.y(), s.share(), s.dark(), s.darkTarget(), s.lightTarget(), s.flatten());
    }
}
