package app.qrart.gateway.qr.verify;

import app.qrart.gateway.qr.image.Luma;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that an image decodes to exactly the intended content with two independent decoders:
 * ZXing (TRY_HARDER, trying the local hybrid and then the global-histogram binarizer, as ZXing's
 * own apps do) and BoofCV. Both must read it. The full scan guarantee (a second decoder, camera simulation, repair) builds on this.
 */
@ApplicationScoped
public class QrVerifier {

    static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER,
            Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS,
            List.of(com.google.zxing.BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET,
            "UTF-8");

    /** True only when ZXing (with either binarizer) and BoofCV both read exactly the expected content. */
    public boolean readsExactly(BufferedImage image, String expected) {
        return zxingReads(image, expected)
                && BoofQrDecoder.decode(image).filter(expected::equals).isPresent();
    }

    /**
     * Robustness: the share of (camera variant, decoder) pairs that read exactly the content, over
     * CameraSimulator's suite and two decoders (ZXing with either binarizer, BoofCV). Each decoder
     * gets the variant as a camera delivers it and, when that fails, the views a camera reader
     * would also try ({@link ReaderViews}: enlarged when small, averaged pyramid when large).
     */
    public double robustness(BufferedImage image, String expected, int modulePixels) {
        return robustness(readsByVariant(image, expected, modulePixels));
    }

    /** Robustness from the reads per variant: passing (variant, decoder) pairs over all pairs. */
    public static double robustness(Map<String, Integer> readsByVariant) {
        return readsByVariant.values().stream().mapToInt(Integer::intValue).sum() / (2.0 * readsByVariant.size());
    }

    /** For each camera variant, how many of the two decoders (0-2) read exactly the content, in some view. */
    public Map<String, Integer> readsByVariant(BufferedImage image, String expected, int modulePixels) {
        return readsByVariant(image, expected, modulePixels, false);
    }

    /**
     * Reads per camera variant of a code that may be reflectance-reversed (light on dark): the
     * decoders then see each variant's negative, as readers that accept reversed codes do.
     */
    public Map<String, Integer> readsByVariant(
            BufferedImage image, String expected, int modulePixels, boolean reversed) {
        Map<String, Integer> reads = new LinkedHashMap<>();
        CameraSimulator.variants(image, modulePixels).forEach((name, seen) -> {
            BufferedImage variant = reversed ? Luma.negative(seen) : seen;
            ReaderViews views = new ReaderViews(variant);
            boolean zxing = views.anyReads(view -> zxingReads(view, expected));
            boolean boof = views.anyReads(
                    view -> BoofQrDecoder.decode(view).filter(expected::equals).isPresent());
            reads.put(name, (zxing ? 1 : 0) + (boof ? 1 : 0));
        });
        return reads;
    }

    /** The content as the first binarizer that can read it sees it. */
    public Optional<String> decode(BufferedImage image) {
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

    private static boolean zxingReads(BufferedImage image, String expected) {
        return zxingReading(image, expected).isPresent();
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
