package app.qrart.scanbench;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A delivered image of a drawn code, with the symbol its payload encodes to and its module size. */
record DrawnCode(BufferedImage image, String payload, QrSymbol symbol, int modulePixels) {

    /** Every image of these folders of delivered generations (PNGs + payloads.csv), in order. */
    static List<DrawnCode> read(QrEncoder encoder, String... dirs) throws IOException {
        List<DrawnCode> drawn = new ArrayList<>();
        for (String name : dirs) {
            Path dir = Path.of(name);
            for (Map.Entry<String, String> entry :
                    ScanBenchmark.payloads(dir.resolve("payloads.csv")).entrySet()) {
                BufferedImage image = ImageIO.read(dir.resolve(entry.getKey()).toFile());
                QrSymbol symbol = encoder.encode(entry.getValue());
                drawn.add(
                        new DrawnCode(image, entry.getValue(), symbol, encoder.modulePixels(symbol, image.getWidth())));
            }
        }
        return drawn;
    }
}
