package app.qrart.engine.verify;

import app.qrart.engine.image.Luma;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_wechat_qrcode.WeChatQRCode;

/**
 * WeChat's QR reader (OpenCV's {@code wechat_qrcode} module, native code through JavaCPP), the
 * reader inside the most used phone app in China and a port of ZXing's C++ core with its own
 * detector and binarizers. Built without its CNN model files it runs its traditional detector,
 * which reads more artistic codes than the CNN one. One reader for the whole process, one decode
 * at a time: its ZXing port keeps global state (opencv_contrib issue 3405), and decodes on several
 * threads at once, even with a reader each, corrupted the native heap and aborted the JVM now and
 * then (glibc "corrupted double-linked list" with 8 scan paths at once).
 */
public final class WeChatQrDecoder {

    private static final WeChatQRCode READER = new WeChatQRCode();

    private WeChatQrDecoder() {}

    /** Every message WeChat's reader decodes in the image, in its order. */
    public static List<String> decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] gray = Luma.grayBytes(image);
        List<String> messages = new ArrayList<>();
        try (Mat mat = new Mat(height, width, opencv_core.CV_8UC1)) {
            mat.data().put(gray);
            try (StringVector found = detectAndDecode(mat)) {
                for (long i = 0; i < found.size(); i++) {
                    messages.add(text(found.get(i).getStringBytes()));
                }
            }
        }
        return messages;
    }

    private static StringVector detectAndDecode(Mat gray) {
        synchronized (READER) {
            return READER.detectAndDecode(gray);
        }
    }

    /** The message as text: JavaCPP hands each std::string over with its terminating NUL byte. */
    private static String text(byte[] bytes) {
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** True when the reader decodes exactly the expected content. */
    public static boolean reads(BufferedImage image, String expected) {
        return decode(image).contains(expected);
    }
}
