package app.qrart.engine.locate;

import app.qrart.engine.analysis.CodewordLayout;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.verify.QrVerifier;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.reedsolomon.GenericGF;
import com.google.zxing.common.reedsolomon.ReedSolomonDecoder;
import com.google.zxing.common.reedsolomon.ReedSolomonEncoder;
import com.google.zxing.common.reedsolomon.ReedSolomonException;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exact symbol a picture was made from, when ZXing can read it: its corrected data codewords
 * (whatever segments and padding the original generator chose) with their Reed-Solomon codewords
 * recomputed, placed for each of the eight masks. Re-encoding the text would give another bit
 * stream, and a repair toward it would fight every data module of the picture.
 */
final class ReadSymbols {

    private static final int MASKS = 8;

    private ReadSymbols() {}

    /** The symbols of a ZXing reading of the content (none when ZXing did not read it). */
    static List<QrSymbol> of(Optional<Result> reading, String content, SymbolCandidates standard) {
        List<QrSymbol> out = new ArrayList<>();
        reading.ifPresent(result -> {
            ErrorCorrectionLevel level = ErrorCorrectionLevel.valueOf(
                    (String) result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
            byte[] data = result.getRawBytes();
            for (int v = 1; v <= 40; v++) {
                Version version = Version.getVersionForNumber(v);
                Version.ECBlocks blocks = version.getECBlocksForLevel(level);
                if (version.getTotalCodewords() - blocks.getTotalECCodewords() == data.length) {
                    CodewordLayout layout = new CodewordLayout(v, level);
                    int[] codewords = interleaved(layout, blocks, data);
                    for (int mask = 0; mask < MASKS; mask++) {
                        place(layout, version, level, codewords, mask, content, standard)
                                .ifPresent(out::add);
                    }
                    break;
                }
            }
        });
        return out;
    }

    /** ZXing's reading of the picture as the verifier does it (either binarizer), if it is the content. */
    static Optional<Result> read(BufferedImage image, String content) {
        return QrVerifier.zxingReading(image, content)
                .filter(result -> result.getRawBytes() != null
                        && result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL) != null);
    }

    /**
     * The symbol read through a located grid with this project's own sampler, where decoders
     * find no code: for each level and mask, the sampled codewords are corrected block by block
     * (Reed-Solomon), and a correction that decodes to the content gives the symbol.
     */
    static List<QrSymbol> fromGrid(boolean[][] dark, String content, SymbolCandidates standard) {
        int width = dark.length;
        int v = (width - 17) / 4;
        List<QrSymbol> out = new ArrayList<>();
        if (v < 1 || v > 40) {
            return out;
        }
        Version version = Version.getVersionForNumber(v);
        for (ErrorCorrectionLevel level : ErrorCorrectionLevel.values()) {
            CodewordLayout layout = new CodewordLayout(v, level);
            Version.ECBlocks blocks = version.getECBlocksForLevel(level);
            for (int mask = 0; mask < MASKS; mask++) {
                Optional<byte[]> data = corrected(layout, blocks, dark, mask);
                if (data.isPresent()) {
                    int[] codewords = interleaved(layout, blocks, data.get());
                    place(layout, version, level, codewords, mask, content, standard)
                            .filter(symbol -> decodesTo(symbol, content))
                            .ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private static Optional<byte[]> corrected(
            CodewordLayout layout, Version.ECBlocks ecBlocks, boolean[][] dark, int mask) {
        int ecPerBlock = ecBlocks.getECCodewordsPerBlock();
        int dataTotal = layout.codewords() - ecBlocks.getTotalECCodewords();
        byte[] data = new byte[dataTotal];
        int offset = 0;
        ReedSolomonDecoder decoder = new ReedSolomonDecoder(GenericGF.QR_CODE_FIELD_256);
        for (CodewordLayout.Block block : layout.blocks()) {
            int[] received = new int[block.codewords().size()];
            for (int i = 0; i < received.length; i++) {
                int[] modules = layout.modulesOf(block.codewords().get(i));
                for (int bit = 0; bit < 8; bit++) {
                    int x = modules[2 * bit];
                    int y = modules[2 * bit + 1];
                    received[i] = (received[i] << 1) | masked(dark[y][x], mask, x, y);
                }
            }
            try {
                decoder.decode(received, ecPerBlock);
            } catch (ReedSolomonException e) {
                return Optional.empty();
            }
            for (int i = 0; i < received.length - ecPerBlock; i++) {
                data[offset++] = (byte) received[i];
            }
        }
        return Optional.of(data);
    }

    private static boolean decodesTo(QrSymbol symbol, String content) {
        BitMatrix bits = new BitMatrix(symbol.width());
        for (int y = 0; y < symbol.width(); y++) {
            for (int x = 0; x < symbol.width(); x++) {
                if (symbol.dark(x, y)) {
                    bits.set(x, y);
                }
            }
        }
        try {
            return content.equals(new Decoder().decode(bits).getText());
        } catch (ChecksumException | FormatException e) {
            return false;
        }
    }

    /** The codewords (in transmission order) placed with the mask; function modules from a standard symbol. */
    private static Optional<QrSymbol> place(
            CodewordLayout layout,
            Version version,
            ErrorCorrectionLevel level,
            int[] codewords,
            int mask,
            String content,
            SymbolCandidates standard) {
        int width = version.getDimensionForVersion();
        Optional<QrSymbol> base = standard.of(width).stream()
                .filter(s -> s.mask() == mask && s.errorCorrection().equals(level.name()))
                .findFirst();
        return base.map(b -> {
            ByteMatrix matrix = new ByteMatrix(width, width);
            for (int y = 0; y < width; y++) {
                for (int x = 0; x < width; x++) {
                    matrix.set(x, y, layout.isFunction(x, y) ? b.modules().get(x, y) : masked(false, mask, x, y));
                }
            }
            for (int i = 0; i < codewords.length; i++) {
                int[] modules = layout.modulesOf(i);
                for (int bit = 0; bit < 8; bit++) {
                    boolean one = ((codewords[i] >> (7 - bit)) & 1) == 1;
                    matrix.set(
                            modules[2 * bit],
                            modules[2 * bit + 1],
                            masked(one, mask, modules[2 * bit], modules[2 * bit + 1]));
                }
            }
            return new QrSymbol(content, matrix, version.getVersionNumber(), level.name(), mask);
        });
    }

    /** Data codewords split into their blocks, each block's EC codewords computed, all in transmission order. */
    private static int[] interleaved(CodewordLayout layout, Version.ECBlocks ecBlocks, byte[] data) {
        int[] out = new int[layout.codewords()];
        int ecPerBlock = ecBlocks.getECCodewordsPerBlock();
        int offset = 0;
        for (CodewordLayout.Block block : layout.blocks()) {
            int dataCount = block.codewords().size() - ecPerBlock;
            int[] message = new int[dataCount + ecPerBlock];
            for (int i = 0; i < dataCount; i++) {
                message[i] = data[offset + i] & 0xff;
            }
            offset += dataCount;
            new ReedSolomonEncoder(GenericGF.QR_CODE_FIELD_256).encode(message, ecPerBlock);
            for (int i = 0; i < message.length; i++) {
                out[block.codewords().get(i)] = message[i];
            }
        }
        return out;
    }

    /** ISO/IEC 18004 data mask conditions 000-111 (x is the column, y the row). */
    private static int masked(boolean one, int mask, int x, int y) {
        boolean flip = switch (mask) {
            case 0 -> (x + y) % 2 == 0;
            case 1 -> y % 2 == 0;
            case 2 -> x % 3 == 0;
            case 3 -> (x + y) % 3 == 0;
            case 4 -> (y / 2 + x / 3) % 2 == 0;
            case 5 -> (x * y) % 2 + (x * y) % 3 == 0;
            case 6 -> ((x * y) % 2 + (x * y) % 3) % 2 == 0;
            default -> ((x + y) % 2 + (x * y) % 3) % 2 == 0;
        };
        return one ^ flip ? 1 : 0;
    }
}
