package app.qrart.engine.verify;

import app.qrart.engine.image.Luma;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Checks that an image decodes to exactly the intended content with three independent readers
 * ({@link QrDecoder}): ZXing (TRY_HARDER, trying the local hybrid and then the global-histogram
 * binarizer, as ZXing's own apps do), WeChat's phone reader and BoofCV. All three must read it.
 */
public class QrVerifier {

    static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER,
            Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS,
            List.of(com.google.zxing.BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET,
            "UTF-8");

    /** True only when every reader of {@link QrDecoder} reads exactly the expected content. */
    public boolean readsExactly(BufferedImage image, String expected) {
        for (QrDecoder decoder : QrDecoder.values()) {
            if (!decoder.reads(image, expected)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Robustness: the share of (camera variant, reader) pairs that read exactly the content, over
     * CameraSimulator's suite and the three readers. Each reader gets the variant as a camera
     * delivers it and, when that fails, the views it would also try ({@link QrDecoder}).
     */
    public double robustness(BufferedImage image, String expected, int modulePixels) {
        return robustness(readsByVariant(image, expected, modulePixels));
    }

    /** Robustness from the reads per variant: passing (variant, reader) pairs over all pairs. */
    public static double robustness(Map<String, Integer> readsByVariant) {
        return readsByVariant.values().stream().mapToInt(Integer::intValue).sum()
                / ((double) QrDecoder.values().length * readsByVariant.size());
    }

    /** The robustness of a suite run in which this many (variant, reader) pairs read. */
    public static double robustness(int passes) {
        return passes / ((double) QrDecoder.values().length * CameraSimulator.VARIANTS);
    }

    /**
     * The suite's robustness when at least {@code minPasses} (variant, reader) pairs read;
     * otherwise a bound below {@code robustness(minPasses)}: the run stops as soon as the pairs
     * left cannot make up the difference, trying the readings in
     * {@link SuiteOrder#LIKELIEST_FAILURES_FIRST} order (each frame made once, when a reader first
     * needs it). With {@code minPasses} 0 it is {@link #robustness(BufferedImage, String, int)}.
     */
    public double robustness(BufferedImage image, String expected, int modulePixels, int minPasses) {
        return robustness(run(image, expected, modulePixels, minPasses, reading -> true, reading -> true, null)
                .passes());
    }

    /**
     * What a run of the suite saw: the (variant, reader) pairs that read (a bound above them when
     * the run stopped early) and the readings the real readers failed.
     */
    public record SuiteRun(int passes, List<SuiteOrder.Reading> failed) {}

    /**
     * A run of the suite in {@link SuiteOrder#LIKELIEST_FAILURES_FIRST} order that reads with the
     * real readers only the readings {@code read} accepts, and takes every other one as passing
     * when {@code assumedPass} says so; it stops once {@code minPasses} is out of reach (its passes
     * then the most it could still have had). With a {@code memo}, readings an earlier run read of
     * the same image are not read again.
     */
    public SuiteRun run(
            BufferedImage image,
            String expected,
            int modulePixels,
            int minPasses,
            Predicate<SuiteOrder.Reading> read,
            Predicate<SuiteOrder.Reading> assumedPass,
            SuiteMemo memo) {
        SuiteMemo known = memo == null ? new SuiteMemo() : memo.of(image);
        Map<CameraCondition, Supplier<BufferedImage>> makers = CameraSimulator.variantMakers(image, modulePixels);
        Map<CameraCondition, ReaderViews> seen = known.views();
        List<SuiteOrder.Reading> failed = new ArrayList<>();
        List<SuiteOrder.Reading> readings = SuiteOrder.LIKELIEST_FAILURES_FIRST;
        int pairsLeft = readings.size();
        int passes = 0;
        // Assumed readings cost nothing: counted first, they bring a floor out of reach before any frame is made.
        for (SuiteOrder.Reading reading : readings) {
            if (!read.test(reading)) {
                pairsLeft--;
                passes += assumedPass.test(reading) ? 1 : 0;
            }
        }
        for (SuiteOrder.Reading reading : readings) {
            if (!read.test(reading)) {
                continue;
            }
            if (passes + pairsLeft < minPasses) {
                return new SuiteRun(passes + pairsLeft, failed);
            }
            pairsLeft--;
            boolean reads = known.outcomes().computeIfAbsent(reading, r -> {
                ReaderViews views = seen.computeIfAbsent(
                        r.condition(),
                        condition -> new ReaderViews(makers.get(condition).get()));
                return r.reader().readsFrame(views.frame(), views, expected);
            });
            if (reads) {
                passes++;
            } else {
                failed.add(reading);
            }
        }
        return new SuiteRun(passes, failed);
    }

    /** For each camera variant, how many of the readers read exactly the content, in some view. */
    public Map<String, Integer> readsByVariant(BufferedImage image, String expected, int modulePixels) {
        return readsByVariant(image, expected, modulePixels, false);
    }

    /**
     * Reads per camera variant of a code that may be reflectance-reversed (light on dark): the
     * readers then see each variant's negative, as readers that accept reversed codes do.
     */
    public Map<String, Integer> readsByVariant(
            BufferedImage image, String expected, int modulePixels, boolean reversed) {
        return counts(readersByVariant(image, expected, modulePixels, reversed));
    }

    /** How many readers read each variant. */
    public static Map<String, Integer> counts(Map<String, Set<QrDecoder>> readersByVariant) {
        Map<String, Integer> reads = new LinkedHashMap<>();
        readersByVariant.forEach((name, readers) -> reads.put(name, readers.size()));
        return reads;
    }

    /** For each camera variant, which readers read exactly the content, in some view. */
    public Map<String, Set<QrDecoder>> readersByVariant(
            BufferedImage image, String expected, int modulePixels, boolean reversed) {
        Map<String, Set<QrDecoder>> readers = new LinkedHashMap<>();
        CameraSimulator.variants(image, modulePixels).forEach((name, seen) -> {
            BufferedImage frame = reversed ? Luma.negative(seen) : seen;
            ReaderViews views = new ReaderViews(frame);
            Set<QrDecoder> reading = EnumSet.noneOf(QrDecoder.class);
            for (QrDecoder decoder : QrDecoder.values()) {
                if (decoder.readsFrame(frame, views, expected)) {
                    reading.add(decoder);
                }
            }
            readers.put(name, reading);
        });
        return readers;
    }

    /** The content as the first of ZXing's binarizers that can read it sees it. */
    static Optional<String> zxingText(BufferedImage image) {
        return bitmaps(image).stream()
                .map(QrVerifier::decode)
                .flatMap(Optional::stream)
                .map(Result::getText)
                .findFirst();
    }

    /** ZXing's reading of exactly the expected content, by the first binarizer that gets it. */
    public static Optional<Result> zxingReading(BufferedImage image, String expected) {
        return bitmaps(image).stream()
                .map(QrVerifier::decode)
                .flatMap(Optional::stream)
                .filter(result -> expected.equals(result.getText()))
                .findFirst();
    }

    /** The image's luminance as ZXing reads it. */
    public static LuminanceSource luminance(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        return new RGBLuminanceSource(width, height, Luma.pixels(image));
    }

    private static List<BinaryBitmap> bitmaps(BufferedImage image) {
        LuminanceSource source = luminance(image);
        return List.of(
                new BinaryBitmap(new HybridBinarizer(source)), new BinaryBitmap(new GlobalHistogramBinarizer(source)));
    }

    private static Optional<Result> decode(BinaryBitmap bitmap) {
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, HINTS));
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }
}
