package app.qrart.engine.verify;

import app.qrart.engine.image.Luma;
import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/** BoofCV's QR detector: an implementation independent of ZXing, for the second opinion. */
public final class BoofQrDecoder {

    private BoofQrDecoder() {}

    /** The first message BoofCV decodes in the image (detectors are not thread-safe: one per call). */
    public static Optional<String> decode(BufferedImage image) {
        QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
        detector.process(gray(image));
        return detector.getDetections().stream()
                .map(qr -> qr.message)
                .filter(Objects::nonNull)
                .findFirst();
    }

    public static GrayU8 gray(BufferedImage image) {
        GrayU8 gray = new GrayU8(image.getWidth(), image.getHeight());
        gray.data = Luma.grayBytes(image);
        return gray;
    }
}
