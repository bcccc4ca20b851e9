package app.qrart.engine.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.detector.Detector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Test-side decoding, independent of the gateway's own verifier. */
public final class QrImages {

    private QrImages() {}

    public static BufferedImage png(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What ZXing reads, trying the hybrid and then the global-histogram binarizer as its apps do. */
    public static String decode(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        RGBLuminanceSource source = new RGBLuminanceSource(w, h, image.getRGB(0, 0, w, h, null, 0, w));
        for (BinaryBitmap bitmap : List.of(
                new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true))
                        .getText();
            } catch (ReaderException e) {
                // try the next binarizer
            }
        }
        return null;
    }

    /** The version of the QR symbol ZXing's detector finds in the image (its side is 17 + 4 x version). */
    public static int version(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        RGBLuminanceSource source = new RGBLuminanceSource(w, h, image.getRGB(0, 0, w, h, null, 0, w));
        try {
            int side = new Detector(new BinaryBitmap(new HybridBinarizer(source)).getBlackMatrix())
                    .detect()
                    .getBits()
                    .getWidth();
            return (side - 17) / 4;
        } catch (ReaderException e) {
            throw new IllegalStateException("no QR symbol detected", e);
        }
    }
}
