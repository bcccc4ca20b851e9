package app.qrart.engine.gate;

import app.qrart.engine.analysis.ScanAnalyzer;
import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.encode.UnreadableContentException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Makes a square picture carry content: of the symbols the content may take at the level (each
 * mask, the smallest version and a few larger ones within the cap), the one the picture is
 * nearest to already, then the gate repairs the picture towards it at the requested strength.
 */
public class PictureEmbedder {

    /** Versions past the smallest the content fits that the choice of symbol considers, by default. */
    public static final int EXTRA_VERSIONS = 2;

    private final QrEncoder encoder;
    private final ScanAnalyzer analyzer;
    private final ScanGate gate;

    public PictureEmbedder(QrEncoder encoder, ScanAnalyzer analyzer, ScanGate gate) {
        this.encoder = encoder;
        this.analyzer = analyzer;
        this.gate = gate;
    }

    /** The symbol chosen for the picture and what the gate delivers of it (empty: nothing reads). */
    public record Embedding(QrSymbol symbol, Optional<ScanGate.Delivery> delivery) {}

    public Embedding embed(
            BufferedImage square,
            String content,
            ErrorCorrectionLevel level,
            int extraVersions,
            ScanStrength strength) {
        QrSymbol symbol = nearest(square, content, level, extraVersions);
        return new Embedding(symbol, gate.deliver(List.of(square), symbol, 1, strength));
    }

    /** The symbol the picture needs the least change for, among those whose clean rendering reads. */
    QrSymbol nearest(BufferedImage square, String content, ErrorCorrectionLevel level, int extraVersions) {
        List<QrSymbol> fitting = encoder.alternatives(content, level, extraVersions).stream()
                .filter(symbol -> encoder.modulePixels(symbol, square.getWidth()) >= 2)
                .sorted(Comparator.comparingLong(symbol -> analyzer.distance(square, symbol)))
                .toList();
        return fitting.stream().filter(encoder::readsBack).findFirst().orElseThrow(UnreadableContentException::new);
    }
}
