package app.qrart.gateway.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that an image decodes to exactly the intended content with ZXing (two binarizers,
 * TRY_HARDER). The full scan guarantee (a second decoder, camera simulation, repair) builds on this.
 */
@ApplicationScoped
public class QrVerifier {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(com.google.zxing.BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET, "UTF-8");

    /** True when either binarizer reads exactly the expected content. */
    public boolean readsExactly(BufferedImage image, String expected) {
        return decode(image).filter(expected::equals).isPresent();
    }

    public Optional<String> decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
        for (BinaryBitmap bitmap : new BinaryBitmap[] {
                new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source))}) {
            try {
                Result result = new QRCodeReader().decode(bitmap, HINTS);
                return Optional.of(result.getText());
            } catch (ReaderException e) {
                // not found, checksum or format error with this binarizer: try the next one
            }
        }
        return Optional.empty();
    }
}
