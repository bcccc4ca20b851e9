package app.qrart.gateway.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes an image as the model server does: NPY v1, uint8, height x width x 3. */
public final class NpyWriter {

    private NpyWriter() {}

    public static byte[] write(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        StringBuilder header = new StringBuilder("{'descr': '|u1', 'fortran_order': False, 'shape': (")
                .append(h)
                .append(", ")
                .append(w)
                .append(", 3), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                out.write((rgb >> 16) & 0xff);
                out.write((rgb >> 8) & 0xff);
                out.write(rgb & 0xff);
            }
        }
        return out.toByteArray();
    }
}
