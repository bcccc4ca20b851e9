package app.qrart.engine.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The camera conditions as declared: their labels, what the repair models, the readers of each. */
class CameraConditionTest {

    @Test
    void labelsAreTheSuitesConditionNames() {
        assertEquals(
                List.of(
                        "downscale-4ppm",
                        "downscale-3ppm",
                        "downscale-2ppm",
                        "gaussian-blur",
                        "motion-blur",
                        "jpeg-30",
                        "gamma-0.5",
                        "gamma-2.0",
                        "contrast-0.5",
                        "illumination-gradient",
                        "tilt-20",
                        "tilt-40",
                        "noise-16",
                        "rotate-17",
                        "glare",
                        "shadow",
                        "print-rephotograph",
                        "dot-gain",
                        "low-contrast-3ppm"),
                CameraSimulator.conditions());
        for (CameraCondition condition : CameraCondition.values()) {
            assertEquals(condition, CameraCondition.fromLabel(condition.label()).orElseThrow());
        }
    }

    @Test
    void theRepairModelsBlurDistancePrintAndInk() {
        assertEquals(
                List.of(
                        CameraCondition.DOWNSCALE_3PPM,
                        CameraCondition.DOWNSCALE_2PPM,
                        CameraCondition.GAUSSIAN_BLUR,
                        CameraCondition.PRINT_REPHOTOGRAPH,
                        CameraCondition.DOT_GAIN,
                        CameraCondition.LOW_CONTRAST_3PPM),
                CameraCondition.modelledConditions());
    }

    @Test
    void everyReaderReadsEveryConditionAndTheOrderStartsWithTheLikeliestFailure() {
        Set<QrDecoder> all = Set.of(QrDecoder.values());
        for (CameraCondition condition : CameraCondition.values()) {
            assertEquals(all, condition.places().keySet(), condition.label());
        }
        assertEquals(
                new SuiteOrder.Reading(CameraCondition.DOWNSCALE_2PPM, QrDecoder.ZXING),
                SuiteOrder.LIKELIEST_FAILURES_FIRST.get(0));
        Set<Integer> places = Arrays.stream(CameraCondition.values())
                .flatMap(c -> c.places().values().stream())
                .collect(Collectors.toSet());
        assertEquals(QrDecoder.values().length * CameraCondition.values().length, places.size());
    }
}
