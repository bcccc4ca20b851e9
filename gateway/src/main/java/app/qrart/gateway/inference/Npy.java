package app.qrart.gateway.inference;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the model server's reply: an NPY array, uint8, height x width x 3, C order. */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+),\\s*3\\)");
    private static final int MAX_SIDE = 4096;

    private Npy() {}

    public static BufferedImage toImage(byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (buffer.remaining() == 0 || buffer.get() != b) {
                throw new InvalidNpyException("not an NPY array");
            }
        }
        int major = buffer.get();
        buffer.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
        if (headerLength < 0 || headerLength > buffer.remaining()) {
            throw new InvalidNpyException("truncated NPY header");
        }
        String header = new String(data, buffer.position(), headerLength, StandardCharsets.ISO_8859_1);
        buffer.position(buffer.position() + headerLength);
        if (!header.contains("'descr': '|u1'") || header.contains("'fortran_order': True")) {
            throw new InvalidNpyException("expected a uint8 C-order array, got " + header.trim());
        }
        Matcher shape = SHAPE.matcher(header);
        if (!shape.find()) {
            throw new InvalidNpyException("expected shape (height, width, 3), got " + header.trim());
        }
        int height = Integer.parseInt(shape.group(1));
        int width = Integer.parseInt(shape.group(2));
        if (height > MAX_SIDE || width > MAX_SIDE || buffer.remaining() != height * width * 3) {
            throw new InvalidNpyException("NPY data does not match its shape " + height + "x" + width + "x3");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = Byte.toUnsignedInt(buffer.get());
                int g = Byte.toUnsignedInt(buffer.get());
                int b = Byte.toUnsignedInt(buffer.get());
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** The reply was not the array the contract promises. */
    public static class InvalidNpyException extends RuntimeException {
        public InvalidNpyException(String message) {
            super(message);
        }
    }
}
