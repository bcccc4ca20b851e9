package app.qrart.gateway.qr.encode;

import app.qrart.gateway.config.QrConfig;
import app.qrart.gateway.qr.verify.QrVerifier;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/**
 * Encodes content with ZXing and draws the control image the QR ControlNet expects. Some
 * mask patterns leave finder-like shapes in the data that stop detectors on even a clean code;
 * the encoder keeps the first mask (ZXing's choice, then 0-7) whose clean image both decoders read.
 */
@ApplicationScoped
public class QrEncoder {

    private static final int REFERENCE_CANVAS = 512;
    private static final int MASKS = 8;

    private final QrConfig config;
    private final QrVerifier verifier;
    private volatile int byteCapacity;

    public QrEncoder(QrConfig config, QrVerifier verifier) {
        this.config = config;
        this.verifier = verifier;
    }

    /** Encodes content, refusing what does not fit or does not read back. */
    public QrSymbol encode(String content) {
        for (int mask = -1; mask < MASKS; mask++) {
            QrSymbol symbol = encode(content, mask);
            if (verifier.readsExactly(render(symbol, REFERENCE_CANVAS), content)) {
                return symbol;
            }
        }
        throw new UnreadableContentException();
    }

    /** Encodes with a given mask pattern (-1: ZXing's own choice), without the read-back check. */
    QrSymbol encode(String content, int mask) {
        ErrorCorrectionLevel level = ErrorCorrectionLevel.valueOf(config.errorCorrection());
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        QRCode code;
        try {
            code = Encoder.encode(content, level, hints);
        } catch (WriterException e) {
            throw tooLong(level);
        }
        if (code.getVersion().getVersionNumber() > config.maxVersion()) {
            throw tooLong(level);
        }
        return new QrSymbol(
                content, code.getMatrix(), code.getVersion().getVersionNumber(), level.name(), code.getMaskPattern());
    }

    private ContentTooLongException tooLong(ErrorCorrectionLevel level) {
        return new ContentTooLongException(config.maxVersion(), level.name());
    }

    /** Longest UTF-8 content, in bytes, that fits the version cap in byte mode; found once by search. */
    public int byteCapacity() {
        if (byteCapacity == 0) {
            int fits = 0;
            int tooLong = 8 * 3000;
            while (tooLong - fits > 1) {
                int middle = (fits + tooLong) / 2;
                if (fits(("x").repeat(middle))) {
                    fits = middle;
                } else {
                    tooLong = middle;
                }
            }
            byteCapacity = fits;
        }
        return byteCapacity;
    }

    private boolean fits(String content) {
        try {
            encode(content, 0);
            return true;
        } catch (ContentTooLongException e) {
            return false;
        }
    }

    /** Module size in pixels for a canvas: the symbol plus its quiet zone fills the canvas. */
    public int modulePixels(QrSymbol symbol, int canvas) {
        return canvas / (symbol.width() + 2 * config.quietZoneModules());
    }

    /** Refuses a canvas that leaves under 2 pixels per module. */
    public int requireCanvasFits(QrSymbol symbol, int canvas) {
        int module = modulePixels(symbol, canvas);
        if (module < 2) {
            throw new CanvasTooSmallException(canvas);
        }
        return module;
    }

    /** Dark modules on a light ground, quiet zone included, centred on a square canvas. */
    public BufferedImage render(QrSymbol symbol, int canvas) {
        int module = requireCanvasFits(symbol, canvas);
        int origin = (canvas - module * symbol.width()) / 2;
        BufferedImage image = new BufferedImage(canvas, canvas, BufferedImage.TYPE_INT_RGB);
        int light = grey(config.lightLevel());
        int dark = grey(config.darkLevel());
        for (int y = 0; y < canvas; y++) {
            for (int x = 0; x < canvas; x++) {
                int mx = Math.floorDiv(x - origin, module);
                int my = Math.floorDiv(y - origin, module);
                boolean inside = mx >= 0 && my >= 0 && mx < symbol.width() && my < symbol.width();
                image.setRGB(x, y, inside && symbol.dark(mx, my) ? dark : light);
            }
        }
        return image;
    }

    private static int grey(int level) {
        return (level << 16) | (level << 8) | level;
    }
}
