package app.qrart.enginecli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.testing.QrImages;
import app.qrart.engine.testing.QrParts;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on real files: what check prints, what fix writes, and each failure's status. */
class EngineCommandTest {

    private static final String CONTENT = "https://qr.art/engine-cli?id=7";
    private static final QrEncoder ENCODER = QrParts.encoder(40);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void checkSaysWhatEachReaderReadsAndHowRobustThePlainCodeIs() throws IOException {
        Path png = write("plain.png", ENCODER.render(ENCODER.encode(CONTENT), 400));
        assertEquals(0, run("check", png.toString(), "--content", CONTENT), err());
        String printed = out();
        for (String reader : List.of("zxing", "wechat", "boofcv")) {
            assertTrue(printed.matches("(?s).*" + reader + " +reads the content.*"), printed);
        }
        Matcher relative = Pattern.compile("relative robustness ([0-9.]+)").matcher(printed);
        assertTrue(relative.find() && Double.parseDouble(relative.group(1)) > 0.95, printed);
        assertTrue(printed.contains("EC headroom 1.00"), printed);
        assertTrue(printed.contains("modules read wrong: 0"), printed);
    }

    @Test
    void fixWritesACodeEveryReaderReads() throws IOException {
        BufferedImage damaged = ENCODER.render(ENCODER.encode(CONTENT), 400);
        smudge(damaged);
        Path png = write("damaged.png", damaged);
        Path fixed = dir.resolve("out/fixed.png");
        assertEquals(
                0,
                run("fix", png.toString(), "--content", CONTENT, "--strength", "robust", "--out", fixed.toString()),
                err());
        assertTrue(out().contains("repaired at robust"), out());
        assertEquals(CONTENT, QrImages.decode(ImageIO.read(fixed.toFile())));
    }

    @Test
    void aMissingFileIsNamed() {
        assertEquals(
                CommandException.NO_IMAGE, run("check", dir.resolve("nope.png").toString(), "--content", CONTENT));
        assertTrue(err().contains("nope.png: no such file"), err());
    }

    @Test
    void aPictureWithoutACodeIsSaidToHaveNone() throws IOException {
        Path png = write("photo.png", QrParts.picture("photo", 3));
        assertEquals(CommandException.NO_CODE, run("check", png.toString(), "--content", CONTENT));
        assertTrue(err().contains("no QR code"), err());
    }

    @Test
    void aCodeOfOtherContentIsRefused() throws IOException {
        Path png = write("other.png", ENCODER.render(ENCODER.encode("https://example.com/else"), 400));
        assertEquals(CommandException.OTHER_CONTENT, run("check", png.toString(), "--content", CONTENT));
        assertTrue(err().contains("https://example.com/else"), err());
    }

    @Test
    void aWrongCommandLineShowsTheUsage() {
        assertEquals(CommandException.USAGE, run("fix", "a.png", "--content", CONTENT));
        assertTrue(err().contains("fix needs --out"), err());
        assertEquals(CommandException.USAGE, run("check", "a.png", "--content", CONTENT, "--strength", "loud"));
        assertTrue(err().contains("--strength must be one of"), err());
        assertEquals(CommandException.USAGE, run("scan", "a.png"));
        assertFalse(err().isEmpty());
    }

    private int run(String... args) {
        return EngineCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** Grey blots over a third of the code: no reader reads it until it is repaired. */
    private static void smudge(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(60, 60, 130, 130);
        g.fillRect(220, 210, 120, 120);
        g.dispose();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
