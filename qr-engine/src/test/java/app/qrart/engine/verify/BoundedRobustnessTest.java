package app.qrart.engine.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.encode.QrEncoder;
import app.qrart.engine.encode.QrSymbol;
import app.qrart.engine.testing.QrParts;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundedRobustnessTest {

    private static final String CONTENT = "https://example.com/bounded";

    private final QrVerifier verifier = new QrVerifier();
    private final QrEncoder encoder = QrParts.encoder(10);

    @Test
    void theBoundedOrderTriesEveryConditionWithEveryReaderOnce() {
        Set<SuiteOrder.Reading> every = new HashSet<>();
        for (CameraCondition condition : CameraCondition.values()) {
            for (QrDecoder reader : QrDecoder.values()) {
                every.add(new SuiteOrder.Reading(condition, reader));
            }
        }
        assertEquals(every.size(), SuiteOrder.LIKELIEST_FAILURES_FIRST.size());
        assertEquals(every, new HashSet<>(SuiteOrder.LIKELIEST_FAILURES_FIRST));
    }

    /** The faded code of {@link #CONTENT} at 512 px, its module size and its exact suite score. */
    private record FadedCode(BufferedImage image, int module, double exact) {}

    private FadedCode fadedCode() {
        QrSymbol symbol = encoder.encode(CONTENT);
        BufferedImage faded = faded(encoder.render(symbol, 512));
        int module = encoder.modulePixels(symbol, 512);
        return new FadedCode(faded, module, verifier.robustness(faded, CONTENT, module));
    }

    @Test
    void aReachableFloorGivesTheExactScoreAndAnUnreachableOneABoundBelowIt() {
        FadedCode code = fadedCode();
        BufferedImage faded = code.image();
        int module = code.module();
        double exact = code.exact();
        int passes = (int) Math.round(exact * QrDecoder.values().length * CameraSimulator.VARIANTS);
        assertTrue(passes > 0 && exact < 1, "the faded code reads under some conditions only: " + exact);

        assertEquals(exact, verifier.robustness(faded, CONTENT, module, 0));
        assertEquals(exact, verifier.robustness(faded, CONTENT, module, passes));
        double bound = verifier.robustness(faded, CONTENT, module, passes + 1);
        assertTrue(bound < QrVerifier.robustness(passes + 1), "a bound below the floor: " + bound);
        assertTrue(bound >= exact, "never below the exact score: " + bound + " vs " + exact);
    }

    @Test
    void aRunAfterAPredictionOfTheSameImageGivesTheExactScore() {
        FadedCode code = fadedCode();
        BufferedImage faded = code.image();
        int module = code.module();
        double exact = code.exact();
        ReaderModel model = new ReaderModel();
        SuiteMemo memo = new SuiteMemo();

        QrVerifier.SuiteRun predicted = verifier.run(faded, CONTENT, module, 0, model::reads, r -> true, memo);
        QrVerifier.SuiteRun confirmed = verifier.run(faded, CONTENT, module, 0, r -> true, r -> true, memo);

        assertEquals(exact, QrVerifier.robustness(confirmed.passes()));
        assertTrue(predicted.passes() >= confirmed.passes(), "assumed readings pass, read ones as they are");
        assertTrue(confirmed.failed().containsAll(predicted.failed()));
        assertEquals(exact, verifier.robustness(faded, CONTENT, module), "a memo of another image is not used");
    }

    @Test
    void theModelReadsTheSuitesLikeliestFailuresBeforeWeChatsAndWhatAConfirmationSawFail() {
        ReaderModel model = new ReaderModel();
        List<SuiteOrder.Reading> first = SuiteOrder.LIKELIEST_FAILURES_FIRST.subList(0, ReaderModel.READ_FIRST);
        assertTrue(first.stream().noneMatch(r -> r.reader() == QrDecoder.WECHAT));
        assertTrue(first.stream().allMatch(model::reads));
        SuiteOrder.Reading wechat = new SuiteOrder.Reading(CameraCondition.GLARE, QrDecoder.WECHAT);
        assertTrue(!model.reads(wechat));

        model.saw(List.of(wechat));

        assertTrue(model.reads(wechat));
        assertEquals(ReaderModel.READ_FIRST + 1, model.readings());
    }

    /** The code with its contrast squeezed into mid-grey: some readers lose it under some conditions. */
    private static BufferedImage faded(BufferedImage code) {
        BufferedImage out = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                int v = 100 + (code.getRGB(x, y) & 0xff) / 5;
                out.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return out;
    }
}
