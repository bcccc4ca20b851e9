package app.qrart.engine.repair;

import app.qrart.engine.costs.PathCosts;
import app.qrart.engine.costs.PathCosts.Part;
import app.qrart.engine.verify.CameraCondition;
import java.awt.image.BufferedImage;

/**
 * The repair's model of the readers, which predicts a rung's robustness instead of reading it
 * over the camera suite: the modelled camera views ({@link CameraPlan}: each modelled frame as
 * ZXing's binarizer and as BoofCV's bit reader see it), the share of them that read the code with
 * the model's EC margin to spare. A plain code reads in every view, so the share stands for the
 * robustness relative to a plain code. The real readers confirm what the model chose; where they
 * contradict it, the climb goes on ({@code QrRepairer}).
 */
class ReaderModel {

    /** EC headroom, as a share of what a block corrects, a view keeps to count as reading. */
    static final double MARGIN = 0.0;

    /**
     * How far below the target a predicted robustness must be for the model to be sure the
     * rung falls short (such a rung is not read over the suite): the modelled views leave out
     * most camera conditions and WeChat's reader, so only a large shortfall is taken as sure.
     */
    static final double SURE_SHORTFALL = 0.5;

    /** Whether a predicted robustness is so far below the target that the real readers need not measure it. */
    boolean surelyShort(double predicted, double target) {
        return predicted < target - SURE_SHORTFALL;
    }

    /** The image's predicted robustness relative to a plain code: the share of modelled views that read it. */
    double predict(BufferedImage image, Canvas canvas) {
        return PathCosts.time(Part.MODEL, () -> {
            CameraPlan plan = new CameraPlan(
                    image,
                    canvas.symbol(),
                    canvas.grid(),
                    canvas.layout(),
                    (int) Math.round(canvas.grid().modulePixels()),
                    CameraCondition.modelledConditions());
            return plan.viewsReading(MARGIN) / (double) plan.views();
        });
    }
}
