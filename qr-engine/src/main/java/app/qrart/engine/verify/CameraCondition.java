package app.qrart.engine.verify;

import static app.qrart.engine.verify.QrDecoder.BOOFCV;
import static app.qrart.engine.verify.QrDecoder.WECHAT;
import static app.qrart.engine.verify.QrDecoder.ZXING;

import app.qrart.engine.image.AreaScale;
import app.qrart.engine.image.Blur;
import app.qrart.engine.image.Perspective;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One condition of the camera suite ({@link CameraSimulator}): what it does to a frame, in module
 * units so it means the same at any size; the readers that read it, each with its place in the
 * suite's reading order ({@link SuiteOrder}: 1 is read first); and whether the repair models it
 * ({@code modelled}: each such frame is binarized as a phone reader does and every module sampled).
 */
public enum CameraCondition {
    DOWNSCALE_4PPM(
            "downscale-4ppm",
            false,
            (img, m) -> AreaScale.shrink(img, 4 / m),
            read(ZXING, 50),
            read(WECHAT, 51),
            read(BOOFCV, 21)),
    DOWNSCALE_3PPM(
            "downscale-3ppm",
            true,
            (img, m) -> AreaScale.shrink(img, 3 / m),
            read(ZXING, 48),
            read(WECHAT, 44),
            read(BOOFCV, 6)),
    DOWNSCALE_2PPM(
            "downscale-2ppm",
            true,
            (img, m) -> AreaScale.shrink(img, 2 / m),
            read(ZXING, 1),
            read(WECHAT, 22),
            read(BOOFCV, 2)),
    GAUSSIAN_BLUR(
            "gaussian-blur",
            true,
            (img, m) -> Blur.gaussian(img, 0.3 * m),
            read(ZXING, 16),
            read(WECHAT, 29),
            read(BOOFCV, 15)),
    MOTION_BLUR(
            "motion-blur",
            false,
            (img, m) -> Blur.horizontal(img, (int) Math.max(2, 0.6 * m)),
            read(ZXING, 30),
            read(WECHAT, 46),
            read(BOOFCV, 33)),
    JPEG_30(
            "jpeg-30",
            false,
            (img, m) -> FrameEffects.jpeg(img, 0.30f),
            read(ZXING, 56),
            read(WECHAT, 57),
            read(BOOFCV, 38)),
    GAMMA_0_5("gamma-0.5", false, (img, m) -> gamma(img, 0.5), read(ZXING, 36), read(WECHAT, 43), read(BOOFCV, 17)),
    GAMMA_2_0("gamma-2.0", false, (img, m) -> gamma(img, 2.0), read(ZXING, 20), read(WECHAT, 39), read(BOOFCV, 18)),
    CONTRAST_0_5(
            "contrast-0.5",
            false,
            (img, m) -> FrameEffects.toneCurve(img, v -> 128 + (v - 128) * 0.5),
            read(ZXING, 35),
            read(WECHAT, 52),
            read(BOOFCV, 53)),
    ILLUMINATION_GRADIENT(
            "illumination-gradient",
            false,
            (img, m) -> FrameEffects.gradient(img),
            read(ZXING, 28),
            read(WECHAT, 54),
            read(BOOFCV, 55)),
    TILT_20(
            "tilt-20",
            false,
            (img, m) -> Perspective.tilt(img, 20),
            read(ZXING, 10),
            read(WECHAT, 45),
            read(BOOFCV, 23)),
    TILT_40("tilt-40", false, (img, m) -> Perspective.tilt(img, 40), read(ZXING, 4), read(WECHAT, 26), read(BOOFCV, 3)),
    NOISE_16(
            "noise-16",
            false,
            (img, m) -> FrameEffects.noise(img, 16, 1234),
            read(ZXING, 37),
            read(WECHAT, 41),
            read(BOOFCV, 42)),
    ROTATE_17(
            "rotate-17",
            false,
            (img, m) -> Perspective.rotate(img, 17),
            read(ZXING, 31),
            read(WECHAT, 40),
            read(BOOFCV, 24)),
    GLARE("glare", false, (img, m) -> FrameEffects.glare(img), read(ZXING, 13), read(WECHAT, 32), read(BOOFCV, 8)),
    SHADOW("shadow", false, (img, m) -> FrameEffects.shadow(img), read(ZXING, 19), read(WECHAT, 47), read(BOOFCV, 11)),
    PRINT_REPHOTOGRAPH(
            "print-rephotograph",
            true,
            (img, m) -> FrameEffects.jpeg(Blur.gaussian(AreaScale.shrink(img, 3.0 / m), 0.5), 0.50f),
            read(ZXING, 14),
            read(WECHAT, 25),
            read(BOOFCV, 5)),
    DOT_GAIN(
            "dot-gain",
            true,
            (img, m) -> FrameEffects.dotGain(img, Math.max(1, (int) Math.round(0.15 * m))),
            read(ZXING, 12),
            read(WECHAT, 34),
            read(BOOFCV, 7)),
    LOW_CONTRAST_3PPM(
            "low-contrast-3ppm",
            true,
            (img, m) -> AreaScale.shrink(FrameEffects.toneCurve(img, v -> 128 + (v - 128) * 0.35), 3.0 / m),
            read(ZXING, 27),
            read(WECHAT, 49),
            read(BOOFCV, 9));

    /** What the condition does to a frame with this many pixels per module. */
    @FunctionalInterface
    interface FrameMaker {
        BufferedImage make(BufferedImage image, double modulePixels);
    }

    /** One reader's reading of the condition and its place in the suite's order. */
    record Rank(QrDecoder reader, int place) {}

    private final String label;
    private final boolean modelled;
    private final FrameMaker maker;
    private final Map<QrDecoder, Integer> places = new EnumMap<>(QrDecoder.class);

    CameraCondition(String label, boolean modelled, FrameMaker maker, Rank... ranks) {
        this.label = label;
        this.modelled = modelled;
        this.maker = maker;
        for (Rank rank : ranks) {
            places.put(rank.reader(), rank.place());
        }
    }

    private static Rank read(QrDecoder reader, int place) {
        return new Rank(reader, place);
    }

    private static BufferedImage gamma(BufferedImage image, double gamma) {
        return FrameEffects.toneCurve(image, v -> 255 * Math.pow(v / 255.0, gamma));
    }

    /** The name used in reports and benchmark output, e.g. {@code downscale-2ppm}, {@code gamma-0.5}. */
    public String label() {
        return label;
    }

    /** The condition with this label, if any. */
    public static Optional<CameraCondition> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }

    /** Whether the repair models this condition. */
    public boolean modelled() {
        return modelled;
    }

    /** Every condition the repair models, in the suite's order. */
    public static List<CameraCondition> modelledConditions() {
        return Arrays.stream(values()).filter(CameraCondition::modelled).toList();
    }

    /** The readers of this condition, each with its place in the suite's reading order. */
    Map<QrDecoder, Integer> places() {
        return places;
    }

    /** The frame the condition makes of an image with this many pixels per module. */
    BufferedImage frame(BufferedImage image, double modulePixels) {
        return maker.make(image, modulePixels);
    }
}
