package app.qrart.gateway.support;

import static io.restassured.RestAssured.given;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.QrVerifier;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Picture uploads through the HTTP API as a browser form sends them, and the pictures they carry. */
public final class Uploads {

    private static final QrVerifier VERIFIER = new QrVerifier();
    private static final QrEncoder ENCODER = QrParts.encoder(40);

    private Uploads() {}

    /** Posts the file and the text fields as multipart/form-data. */
    public static ValidatableResponse post(
            String path, byte[] file, String fileName, String type, Map<String, String> fields) {
        RequestSpecification request = given().multiPart("image", fileName, file, type);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            request = request.multiPart(field.getKey(), field.getValue());
        }
        return request.when().post(path).then();
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain code of the content, as another generator would draw it, on a side x side canvas. */
    public static BufferedImage plainCode(String content, int side) {
        return ENCODER.render(ENCODER.encode(content), side);
    }

    /**
     * The plain code with a square of data modules in its lower right flipped, the square the
     * smallest (from 3 modules a side) that stops a reader: a code with wrong data modules.
     */
    public static BufferedImage brokenCode(String content, int side) {
        QrSymbol symbol = ENCODER.encode(content);
        int module = ENCODER.modulePixels(symbol, side);
        int origin = (side - module * symbol.width()) / 2;
        for (int square = 3; square < symbol.width() - 9; square++) {
            BufferedImage image = ENCODER.render(symbol, side);
            int from = symbol.width() - 9 - square;
            for (int my = from; my < from + square; my++) {
                for (int mx = from; mx < from + square; mx++) {
                    int rgb = symbol.dark(mx, my) ? 0xFFFFFF : 0x000000;
                    for (int y = 0; y < module; y++) {
                        for (int x = 0; x < module; x++) {
                            image.setRGB(origin + mx * module + x, origin + my * module + y, rgb);
                        }
                    }
                }
            }
            if (!VERIFIER.readsExactly(image, content)) {
                return image;
            }
        }
        throw new IllegalStateException("no damage stopped the readers");
    }

    /** The plain code with a dark module-sized blot in its quiet zone beside each of its sides' middles. */
    public static BufferedImage dirtyQuietZone(String content, int side) {
        QrSymbol symbol = ENCODER.encode(content);
        int module = ENCODER.modulePixels(symbol, side);
        int origin = (side - module * symbol.width()) / 2;
        BufferedImage image = ENCODER.render(symbol, side);
        int middle = symbol.width() / 2;
        int[][] blots = {{-2, middle}, {symbol.width() + 1, middle}, {middle, -2}, {middle, symbol.width() + 1}};
        for (int[] blot : blots) {
            fillModule(image, origin, module, blot[0], blot[1], 0x202020);
        }
        return image;
    }

    /**
     * The plain code with its finder patterns drawn as a designer might: each dark finder module a
     * ring with a light centre, so a reader sampling module centres sees them light.
     */
    public static BufferedImage texturedFinders(String content, int side) {
        QrSymbol symbol = ENCODER.encode(content);
        int module = ENCODER.modulePixels(symbol, side);
        int origin = (side - module * symbol.width()) / 2;
        BufferedImage image = ENCODER.render(symbol, side);
        int far = symbol.width() - 7;
        for (int[] corner : new int[][] {{0, 0}, {far, 0}, {0, far}}) {
            for (int my = corner[1]; my < corner[1] + 7; my++) {
                for (int mx = corner[0]; mx < corner[0] + 7; mx++) {
                    if (symbol.dark(mx, my)) {
                        int inset = module / 4;
                        for (int y = inset; y < module - inset; y++) {
                            for (int x = inset; x < module - inset; x++) {
                                image.setRGB(origin + mx * module + x, origin + my * module + y, 0xF0F0F0);
                            }
                        }
                    }
                }
            }
        }
        return image;
    }

    private static void fillModule(BufferedImage image, int origin, int module, int mx, int my, int rgb) {
        for (int y = 0; y < module; y++) {
            for (int x = 0; x < module; x++) {
                image.setRGB(origin + mx * module + x, origin + my * module + y, rgb);
            }
        }
    }

    /** Whether every reader of the gate reads exactly the content. */
    public static boolean readsExactly(BufferedImage image, String content) {
        return VERIFIER.readsExactly(image, content);
    }

    /** A PNG signature and an IHDR chunk declaring the size, then nothing: a decoder must not need more. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
