package app.qrart.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Module kinds add up to ISO/IEC 18004's counts of each function pattern. */
class ModuleKindTest {

    private static Map<ModuleKind, Integer> counts(int versionNumber) {
        Version version = Version.getVersionForNumber(versionNumber);
        CodewordLayout layout = new CodewordLayout(versionNumber, ErrorCorrectionLevel.H);
        int size = version.getDimensionForVersion();
        Map<ModuleKind, Integer> counts = new EnumMap<>(ModuleKind.class);
        for (int y = -1; y <= size; y++) {
            for (int x = -1; x <= size; x++) {
                counts.merge(ModuleKind.of(x, y, version, layout), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void versionOneHasFindersTimingAndFormatOnly() {
        Map<ModuleKind, Integer> v1 = counts(1);
        assertEquals(3 * 64, v1.get(ModuleKind.FINDER));
        assertEquals(2 * 5, v1.get(ModuleKind.TIMING));
        assertEquals(2 * 15 + 1, v1.get(ModuleKind.FORMAT));
        assertEquals(null, v1.get(ModuleKind.ALIGNMENT));
        assertEquals(208, v1.get(ModuleKind.DATA));
        assertEquals(4 * 22, v1.get(ModuleKind.QUIET_ZONE));
    }

    @Test
    void versionSevenAddsAlignmentAndVersionInformation() {
        Map<ModuleKind, Integer> v7 = counts(7);
        assertEquals(2 * 18, v7.get(ModuleKind.VERSION));
        // Six alignment patterns of 25 modules, two of them crossing the timing lines (5 modules each).
        assertEquals(6 * 25 - 2 * 5, v7.get(ModuleKind.ALIGNMENT));
        assertEquals(2 * (45 - 17) + 2, v7.get(ModuleKind.TIMING));
        assertEquals(196 * 8, v7.get(ModuleKind.DATA));
    }
}
