package app.qrart.engine.verify;

import app.qrart.engine.image.Luma;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The pre-processing camera readers apply to a frame they cannot read as it is, which the camera
 * suite's decoders apply too: the frame twice as large when it is small (OpenCV's WeChat reader
 * enlarges small codes with a super-resolution model; bilinear here), or, when it is large,
 * halvings by 2 x 2 averaging while the short side keeps {@link #MIN_SIDE} pixels (zxing-cpp's tryDownscale, on by
 * default, decodes averaged downscaled copies: averaging smooths texture and sensor noise). The
 * gate itself reads the delivered image as it is, without these views.
 */
final class ReaderViews {

    /** Frames whose short side is below this are also tried at twice the size. */
    static final int UPSCALE_BELOW = 400;

    /** Smallest short side of a halved view. */
    static final int MIN_SIDE = 200;

    private final BufferedImage frame;
    /** Views made so far, shared by every decoder that asks (a small frame's one enlargement, or halvings). */
    private final List<BufferedImage> made = new ArrayList<>();

    ReaderViews(BufferedImage frame) {
        this.frame = frame;
    }

    /** The frame as the camera delivers it. */
    BufferedImage frame() {
        return frame;
    }

    /** Whether the reader gets the frame as it is or in one of its views; views are made only as needed. */
    boolean anyReads(Predicate<BufferedImage> reads) {
        if (reads.test(frame)) {
            return true;
        }
        for (int i = 0; ; i++) {
            BufferedImage view = view(i);
            if (view == null) {
                return false;
            }
            if (reads.test(view)) {
                return true;
            }
        }
    }

    /** The i-th view, made on first use; null past the last. */
    private BufferedImage view(int i) {
        while (made.size() <= i) {
            BufferedImage next = next();
            if (next == null) {
                return null;
            }
            made.add(next);
        }
        return made.get(i);
    }

    /** A small frame only gets enlarged (halving it would go below MIN_SIDE); a large one only halved. */
    private BufferedImage next() {
        if (shortSide(frame) < UPSCALE_BELOW) {
            return made.isEmpty() ? doubled(frame) : null;
        }
        BufferedImage last = made.isEmpty() ? frame : made.get(made.size() - 1);
        return shortSide(last) / 2 >= MIN_SIDE ? halved(last) : null;
    }

    private static int shortSide(BufferedImage image) {
        return Math.min(image.getWidth(), image.getHeight());
    }

    static BufferedImage doubled(BufferedImage frame) {
        BufferedImage out = new BufferedImage(2 * frame.getWidth(), 2 * frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(frame, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    /** Half the size, each pixel the channel-wise mean of a 2 x 2 block (an odd last row or column is dropped). */
    static BufferedImage halved(BufferedImage frame) {
        int w = frame.getWidth() / 2;
        int h = frame.getHeight() / 2;
        int[] rgb = Luma.pixels(frame);
        int stride = frame.getWidth();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 2 * y * stride + 2 * x;
                target[y * w + x] = mean(rgb[i], rgb[i + 1], rgb[i + stride], rgb[i + stride + 1]);
            }
        }
        return out;
    }

    private static int mean(int a, int b, int c, int d) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            int sum = (a >> shift & 0xff) + (b >> shift & 0xff) + (c >> shift & 0xff) + (d >> shift & 0xff);
            out |= ((sum + 2) / 4) << shift;
        }
        return out;
    }
}
