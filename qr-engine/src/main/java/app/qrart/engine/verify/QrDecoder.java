package app.qrart.engine.verify;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The three independent readers every delivered code must satisfy, cheapest first: ZXing (either
 * binarizer), WeChat's phone reader and BoofCV. In the camera suite ZXing and BoofCV also get the
 * views camera readers try when a frame fails ({@link ReaderViews}); WeChat's reader scales its
 * input itself and gets each frame as it is.
 */
public enum QrDecoder {
    ZXING(true) {
        @Override
        public boolean reads(BufferedImage image, String expected) {
            return QrVerifier.zxingReading(image, expected).isPresent();
        }

        @Override
        public Optional<String> decode(BufferedImage image) {
            return QrVerifier.zxingText(image);
        }
    },
    WECHAT(false) {
        @Override
        public boolean reads(BufferedImage image, String expected) {
            return WeChatQrDecoder.reads(image, expected);
        }

        @Override
        public Optional<String> decode(BufferedImage image) {
            return WeChatQrDecoder.decode(image).stream().findFirst();
        }
    },
    BOOFCV(true) {
        @Override
        public boolean reads(BufferedImage image, String expected) {
            return BoofQrDecoder.decode(image).filter(expected::equals).isPresent();
        }

        @Override
        public Optional<String> decode(BufferedImage image) {
            return BoofQrDecoder.decode(image);
        }
    };

    private final boolean triesReaderViews;

    QrDecoder(boolean triesReaderViews) {
        this.triesReaderViews = triesReaderViews;
    }

    /** True when this reader decodes exactly the expected content from the image as it is. */
    public abstract boolean reads(BufferedImage image, String expected);

    /** What this reader decodes from the image as it is (the first code it finds), if anything. */
    public abstract Optional<String> decode(BufferedImage image);

    /** True when this reader decodes the content from a camera frame, in the views it would try. */
    boolean readsFrame(BufferedImage frame, ReaderViews views, String expected) {
        return triesReaderViews ? views.anyReads(view -> reads(view, expected)) : reads(frame, expected);
    }
}
