package app.qrart.gateway.qr;

/** Luminance arithmetic on packed RGB that keeps the hue while moving the brightness. */
final class Luma {

    private static final double FLATTEN_KEEP = 0.25;

    private Luma() {
    }

    static int of(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return (299 * r + 587 * g + 114 * b) / 1000;
    }

    /** Darkens to at most the target luminance by scaling all channels (hue kept). */
    static int darken(int rgb, int target) {
        int luma = of(rgb);
        if (luma <= target) {
            return rgb;
        }
        double k = (double) target / luma;
        return scale(rgb, c -> c * k);
    }

    /** Lightens to at least the target luminance by moving every channel toward white (hue kept). */
    static int lighten(int rgb, int target) {
        int luma = of(rgb);
        if (luma >= target) {
            return rgb;
        }
        double k = (255.0 - target) / (255.0 - luma);
        return scale(rgb, c -> 255 - (255 - c) * k);
    }

    /**
     * Moves luminance onto the target's side and compresses what lies beyond it to a quarter of
     * its distance (dark: below the target; light: above it), hue kept.
     */
    static int flatten(int rgb, int target, boolean dark) {
        int moved = dark ? darken(rgb, target) : lighten(rgb, target);
        int luma = of(moved);
        if (luma == target || luma == 0) {
            return moved;
        }
        double wanted = target + (luma - target) * FLATTEN_KEEP;
        return dark ? scale(moved, c -> c * wanted / luma)
                : scale(moved, c -> 255 - (255 - c) * (255 - wanted) / Math.max(1, 255 - luma));
    }

    /** Each channel moved the given share (0-1) of the way from a to b. */
    static int blend(int a, int b, double share) {
        int r = mix((a >> 16) & 0xff, (b >> 16) & 0xff, share);
        int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, share);
        int bl = mix(a & 0xff, b & 0xff, share);
        return (r << 16) | (g << 8) | bl;
    }

    private static int mix(int from, int to, double share) {
        return clamp(from + (to - from) * share);
    }

    static int maxChannelDelta(int a, int b) {
        int dr = Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff));
        int dg = Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff));
        int db = Math.abs((a & 0xff) - (b & 0xff));
        return Math.max(dr, Math.max(dg, db));
    }

    private static int scale(int rgb, java.util.function.DoubleUnaryOperator f) {
        int r = clamp(f.applyAsDouble((rgb >> 16) & 0xff));
        int g = clamp(f.applyAsDouble((rgb >> 8) & 0xff));
        int b = clamp(f.applyAsDouble(rgb & 0xff));
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
