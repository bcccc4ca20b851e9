package app.qrart.engine.locate;

import app.qrart.engine.encode.QrSymbol;
import com.google.zxing.EncodeHintType;
import com.google.zxing.Result;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every standard symbol another generator may have drawn for a content at a given size: each
 * error-correction level and mask, with and without a UTF-8 ECI header (ASCII content only).
 */
final class SymbolCandidates {

    /** Versions beyond the smallest at level H that a search still considers. */
    private static final int EXTRA_VERSIONS = 3;

    private static final int MASKS = 8;

    private final Map<Integer, List<QrSymbol>> byWidth = new HashMap<>();
    private final String content;
    private final List<QrSymbol> read;

    /** The standard encodings of the content, plus the symbol of ZXing's reading of the picture, if any. */
    SymbolCandidates(String content, Optional<Result> reading) {
        this.content = content;
        this.read = ReadSymbols.of(reading, content, this);
    }

    /** Symbol widths worth searching: the smallest version at level L up to a few past level H's. */
    static List<Integer> widths(String content) {
        List<Integer> widths = new ArrayList<>();
        int smallest = smallestVersion(content, ErrorCorrectionLevel.L);
        int largest = smallestVersion(content, ErrorCorrectionLevel.H);
        if (smallest < 0) {
            return widths;
        }
        int last = largest < 0 ? 40 : Math.min(40, largest + EXTRA_VERSIONS);
        for (int v = smallest; v <= last; v++) {
            widths.add(17 + 4 * v);
        }
        return widths;
    }

    List<QrSymbol> of(int width) {
        return byWidth.computeIfAbsent(width, this::encodeAll);
    }

    /**
     * Candidates for a located grid whose modules read as given ([y][x], true = dark): the symbol
     * ZXing read in the picture, the one this grid's own sampling corrects to, then the standard ones.
     */
    List<QrSymbol> forGrid(boolean[][] dark) {
        int width = dark.length;
        List<QrSymbol> out =
                new ArrayList<>(read.stream().filter(s -> s.width() == width).toList());
        out.addAll(ReadSymbols.fromGrid(dark, content, this));
        out.addAll(of(width));
        return out;
    }

    private List<QrSymbol> encodeAll(int width) {
        List<QrSymbol> out = new ArrayList<>();
        int version = (width - 17) / 4;
        if (version < 1 || version > 40 || 17 + 4 * version != width) {
            return out;
        }
        boolean ascii = ascii(content);
        for (ErrorCorrectionLevel level : ErrorCorrectionLevel.values()) {
            for (int mask = 0; mask < MASKS; mask++) {
                for (boolean eci : ascii ? new boolean[] {false, true} : new boolean[] {true}) {
                    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
                    hints.put(EncodeHintType.QR_VERSION, version);
                    hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
                    if (eci) {
                        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
                    }
                    try {
                        QRCode code = Encoder.encode(content, level, hints);
                        out.add(new QrSymbol(content, code.getMatrix(), version, level.name(), mask));
                    } catch (WriterException e) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean ascii(String content) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(content);
    }

    /** The smallest version at the level; without an ECI header when the content is plain ASCII. */
    private static int smallestVersion(String content, ErrorCorrectionLevel level) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        if (!ascii(content)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        try {
            return Encoder.encode(content, level, hints).getVersion().getVersionNumber();
        } catch (WriterException e) {
            return -1;
        }
    }
}
