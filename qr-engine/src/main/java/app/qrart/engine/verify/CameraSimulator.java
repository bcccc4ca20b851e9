package app.qrart.engine.verify;

import app.qrart.engine.image.AreaScale;
import app.qrart.engine.image.RgbImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A deterministic camera-simulation suite: what a phone does to a code before its decoder sees
 * it, one {@link CameraCondition} per frame. Levels are in module units so they mean the same at any size:
 * <ul>
 * <li>downscale to 4, 3 and 2 pixels per module (area-averaged, as a distant camera's sensor
 * integrates the light over each pixel);</li>
 * <li>Gaussian blur sigma 0.3 module; horizontal motion blur over 0.6 module;</li>
 * <li>JPEG at quality 30;</li>
 * <li>gamma 0.5 (over-exposed) and 2.0 (under-exposed); contrast halved around mid-grey;</li>
 * <li>an illumination gradient from 100% to 45% across the diagonal;</li>
 * <li>perspective tilts of 20 and 40 degrees about the vertical axis;</li>
 * <li>Gaussian sensor noise, sigma 16 grey levels (fixed seed);</li>
 * <li>a rotation by 17 degrees on white (a phone held askew);</li>
 * <li>glare: a soft hotspot washing 85% of the way to white at its centre;</li>
 * <li>a shadow: the left part at 40% light behind a soft edge across the code;</li>
 * <li>print and re-photograph: 3 pixels per module, blur sigma 0.5 pixel, JPEG 50;</li>
 * <li>dot gain: dark ink spread by 0.15 module into its light neighbours;</li>
 * <li>low contrast (35%) seen at 3 pixels per module.</li>
 * </ul>
 */
public final class CameraSimulator {

    /** How many variants the suite makes of each image. */
    public static final int VARIANTS = CameraCondition.values().length;

    private CameraSimulator() {}

    /**
     * Finest sampling the suite looks at, in pixels per module: a phone frames a code at a few
     * pixels per module, and a larger image is first area-averaged down to this (which also
     * keeps the suite's cost independent of the picture's resolution).
     */
    public static final double FINEST_MODULE_PIXELS = 8;

    /** Every variant of the image, by condition label, in the suite's order. */
    public static Map<String, BufferedImage> variants(BufferedImage picture, int nativeModulePixels) {
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        variantMakers(picture, nativeModulePixels).forEach((condition, make) -> out.put(condition.label(), make.get()));
        return out;
    }

    /** Every variant of the image, by condition, in the suite's order, each made only when asked for. */
    public static Map<CameraCondition, Supplier<BufferedImage>> variantMakers(
            BufferedImage picture, int nativeModulePixels) {
        BufferedImage image = framed(picture, nativeModulePixels);
        double modulePixels = framedModulePixels(nativeModulePixels);
        Map<CameraCondition, Supplier<BufferedImage>> out = new EnumMap<>(CameraCondition.class);
        for (CameraCondition condition : CameraCondition.values()) {
            out.put(condition, () -> condition.frame(image, modulePixels));
        }
        return out;
    }

    /**
     * A variant and its size against the picture it was made from: pixels of the frame per pixel
     * of the picture, across and down (a point of the picture at x, y is at x * scaleX, y * scaleY).
     */
    public record Frame(CameraCondition condition, BufferedImage image, double scaleX, double scaleY) {}

    /** The variants of the given conditions only, in the suite's order, each with its scale. */
    public static List<Frame> frames(
            BufferedImage picture, int nativeModulePixels, Collection<CameraCondition> conditions) {
        List<Frame> out = new ArrayList<>();
        variantMakers(picture, nativeModulePixels).forEach((condition, make) -> {
            if (conditions.contains(condition)) {
                BufferedImage seen = make.get();
                out.add(new Frame(
                        condition,
                        seen,
                        (double) seen.getWidth() / picture.getWidth(),
                        (double) seen.getHeight() / picture.getHeight()));
            }
        });
        return out;
    }

    /** Every condition's label, in the suite's order. */
    public static List<String> conditions() {
        return Arrays.stream(CameraCondition.values())
                .map(CameraCondition::label)
                .toList();
    }

    /** The picture as opaque RGB, area-averaged to {@link #FINEST_MODULE_PIXELS} when finer. */
    private static BufferedImage framed(BufferedImage picture, int nativeModulePixels) {
        BufferedImage image = opaqueRgb(picture);
        return nativeModulePixels > FINEST_MODULE_PIXELS
                ? AreaScale.shrink(image, FINEST_MODULE_PIXELS / nativeModulePixels)
                : image;
    }

    /** Pixels per module of the picture as {@link #framed} leaves it. */
    private static double framedModulePixels(int nativeModulePixels) {
        return Math.min(nativeModulePixels, FINEST_MODULE_PIXELS);
    }

    /** Camera frames are opaque RGB; pictures read from files may be grey, indexed or carry alpha. */
    private static BufferedImage opaqueRgb(BufferedImage picture) {
        return picture.getType() == BufferedImage.TYPE_INT_RGB ? picture : RgbImages.copy(picture);
    }
}
