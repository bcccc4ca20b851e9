package app.qrart.engine.analysis;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each codeword of a QR symbol lives: the zigzag placement of ISO/IEC 18004 (two-module
 * columns from the bottom right, skipping the vertical timing column and every function module),
 * and the interleaving of Reed-Solomon blocks (data codewords round-robin, then EC codewords).
 */
public final class CodewordLayout {

    /** One Reed-Solomon block: which interleaved codeword indexes it holds, and how many errors it corrects. */
    public record Block(List<Integer> codewords, int correctable) {}

    private final BitMatrix function;
    private final List<int[]> codewordModules;
    private final List<Block> blocks;

    public CodewordLayout(int versionNumber, ErrorCorrectionLevel level) {
        Version version = Version.getVersionForNumber(versionNumber);
        this.function = functionPatterns(version);
        this.codewordModules = placeCodewords(function, version.getTotalCodewords());
        this.blocks = blocks(version.getECBlocksForLevel(level));
    }

    /** Finders with separators and format information, alignment, timing and version information. */
    static BitMatrix functionPatterns(Version version) {
        int size = version.getDimensionForVersion();
        BitMatrix function = new BitMatrix(size);
        function.setRegion(0, 0, 9, 9);
        function.setRegion(size - 8, 0, 8, 9);
        function.setRegion(0, size - 8, 9, 8);
        int[] centres = version.getAlignmentPatternCenters();
        int last = centres.length - 1;
        for (int i = 0; i < centres.length; i++) {
            for (int j = 0; j < centres.length; j++) {
                boolean underFinder = (i == 0 && (j == 0 || j == last)) || (i == last && j == 0);
                if (!underFinder) {
                    function.setRegion(centres[i] - 2, centres[j] - 2, 5, 5);
                }
            }
        }
        function.setRegion(6, 9, 1, size - 17);
        function.setRegion(9, 6, size - 17, 1);
        if (version.getVersionNumber() > 6) {
            function.setRegion(size - 11, 0, 3, 6);
            function.setRegion(0, size - 11, 6, 3);
        }
        return function;
    }

    public boolean isFunction(int x, int y) {
        return function.get(x, y);
    }

    /** Modules of codeword i, as {x0, y0, x1, y1, ...} (8 of them). */
    public int[] modulesOf(int codeword) {
        return codewordModules.get(codeword);
    }

    public int codewords() {
        return codewordModules.size();
    }

    public List<Block> blocks() {
        return blocks;
    }

    private static List<int[]> placeCodewords(BitMatrix function, int totalCodewords) {
        int size = function.getHeight();
        List<int[]> codewords = new ArrayList<>();
        int[] current = new int[16];
        int bit = 0;
        boolean upward = true;
        for (int right = size - 1; right > 0; right -= 2) {
            if (right == 6) {
                right--; // the vertical timing pattern takes a whole column
            }
            for (int step = 0; step < size; step++) {
                int y = upward ? size - 1 - step : step;
                for (int dx = 0; dx < 2; dx++) {
                    int x = right - dx;
                    if (function.get(x, y) || codewords.size() == totalCodewords) {
                        continue;
                    }
                    current[2 * bit] = x;
                    current[2 * bit + 1] = y;
                    if (++bit == 8) {
                        codewords.add(current);
                        current = new int[16];
                        bit = 0;
                    }
                }
            }
            upward = !upward;
        }
        return codewords;
    }

    /** De-interleaving: which transmitted codeword belongs to which block. */
    private static List<Block> blocks(Version.ECBlocks ecBlocks) {
        List<Integer> dataSizes = new ArrayList<>();
        for (Version.ECB group : ecBlocks.getECBlocks()) {
            for (int i = 0; i < group.getCount(); i++) {
                dataSizes.add(group.getDataCodewords());
            }
        }
        int count = dataSizes.size();
        int ecPerBlock = ecBlocks.getECCodewordsPerBlock();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new ArrayList<>());
        }
        int longest = dataSizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        int index = 0;
        for (int position = 0; position < longest; position++) {
            for (int block = 0; block < count; block++) {
                if (position < dataSizes.get(block)) {
                    members.get(block).add(index++);
                }
            }
        }
        for (int position = 0; position < ecPerBlock; position++) {
            for (int block = 0; block < count; block++) {
                members.get(block).add(index++);
            }
        }
        return members.stream()
                .map(list -> new Block(List.copyOf(list), ecPerBlock / 2))
                .toList();
    }
}
