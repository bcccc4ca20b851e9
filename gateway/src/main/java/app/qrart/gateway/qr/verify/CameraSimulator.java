package app.qrart.gateway.qr.verify;

import app.qrart.gateway.qr.image.AreaScale;
import app.qrart.gateway.qr.image.Blur;
import app.qrart.gateway.qr.image.ImageBytes;
import app.qrart.gateway.qr.image.Perspective;
import app.qrart.gateway.qr.image.RgbImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * A deterministic camera-simulation suite: what a phone does to a code before its decoder sees
 * it. Levels are in module units so they mean the same at any size:
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
    public static final int VARIANTS = 19;

    private CameraSimulator() {}

    /**
     * Finest sampling the suite looks at, in pixels per module: a phone frames a code at a few
     * pixels per module, and a larger image is first area-averaged down to this (which also
     * keeps the suite's cost independent of the picture's resolution).
     */
    public static final double FINEST_MODULE_PIXELS = 8;

    /** Every variant of the image, by name, in a fixed order. */
    public static Map<String, BufferedImage> variants(BufferedImage picture, int nativeModulePixels) {
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        variantMakers(picture, nativeModulePixels).forEach((name, make) -> out.put(name, make.get()));
        return out;
    }

    /** Every variant of the image, by name, in the suite's order, each made only when asked for. */
    public static Map<String, Supplier<BufferedImage>> variantMakers(BufferedImage picture, int nativeModulePixels) {
        BufferedImage image = framed(picture, nativeModulePixels);
        Map<String, Supplier<BufferedImage>> out = new LinkedHashMap<>();
        ops(framedModulePixels(nativeModulePixels)).forEach((name, op) -> out.put(name, () -> op.apply(image)));
        return out;
    }

    /**
     * A variant and its size against the picture it was made from: pixels of the frame per pixel
     * of the picture, across and down (a point of the picture at x, y is at x * scaleX, y * scaleY).
     */
    public record Frame(String condition, BufferedImage image, double scaleX, double scaleY) {}

    /** The variants of the named conditions only, in the suite's order, each with its scale. */
    public static List<Frame> frames(BufferedImage picture, int nativeModulePixels, Collection<String> conditions) {
        List<Frame> out = new ArrayList<>();
        variantMakers(picture, nativeModulePixels).forEach((name, make) -> {
            if (conditions.contains(name)) {
                BufferedImage seen = make.get();
                out.add(new Frame(
                        name,
                        seen,
                        (double) seen.getWidth() / picture.getWidth(),
                        (double) seen.getHeight() / picture.getHeight()));
            }
        });
        return out;
    }

    /** Every condition's name, in the suite's order. */
    public static List<String> conditions() {
        return List.copyOf(ops(FINEST_MODULE_PIXELS).keySet());
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

    private static Map<String, UnaryOperator<BufferedImage>> ops(double modulePixels) {
        Map<String, UnaryOperator<BufferedImage>> ops = new LinkedHashMap<>();
        for (double ppm : new double[] {4, 3, 2}) {
            ops.put("downscale-" + (int) ppm + "ppm", img -> AreaScale.shrink(img, ppm / modulePixels));
        }
        ops.put("gaussian-blur", img -> Blur.gaussian(img, 0.3 * modulePixels));
        ops.put("motion-blur", img -> Blur.horizontal(img, (int) Math.max(2, 0.6 * modulePixels)));
        ops.put("jpeg-30", img -> jpeg(img, 0.30f));
        ops.put("gamma-0.5", img -> FrameEffects.toneCurve(img, v -> 255 * Math.pow(v / 255.0, 0.5)));
        ops.put("gamma-2.0", img -> FrameEffects.toneCurve(img, v -> 255 * Math.pow(v / 255.0, 2.0)));
        ops.put("contrast-0.5", img -> FrameEffects.toneCurve(img, v -> 128 + (v - 128) * 0.5));
        ops.put("illumination-gradient", FrameEffects::gradient);
        ops.put("tilt-20", img -> Perspective.tilt(img, 20));
        ops.put("tilt-40", img -> Perspective.tilt(img, 40));
        ops.put("noise-16", img -> FrameEffects.noise(img, 16, 1234));
        ops.put("rotate-17", img -> Perspective.rotate(img, 17));
        ops.put("glare", FrameEffects::glare);
        ops.put("shadow", FrameEffects::shadow);
        ops.put(
                "print-rephotograph",
                img -> jpeg(Blur.gaussian(AreaScale.shrink(img, 3.0 / modulePixels), 0.5), 0.50f));
        ops.put("dot-gain", img -> FrameEffects.dotGain(img, Math.max(1, (int) Math.round(0.15 * modulePixels))));
        ops.put(
                "low-contrast-3ppm",
                img -> AreaScale.shrink(FrameEffects.toneCurve(img, v -> 128 + (v - 128) * 0.35), 3.0 / modulePixels));
        return ops;
    }

    /** Camera frames are opaque RGB; pictures read from files may be grey, indexed or carry alpha. */
    private static BufferedImage opaqueRgb(BufferedImage picture) {
        return picture.getType() == BufferedImage.TYPE_INT_RGB ? picture : RgbImages.copy(picture);
    }

    /** The image through a JPEG encoder at this quality and back. */
    private static BufferedImage jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return ImageBytes.read(ImageBytes.write(image, writer, param));
    }
}
