package app.qrart.engine.verify;

import app.qrart.engine.image.Luma;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What runs of the camera suite have read of one image so far, so a later run of the same image
 * (a confirmation after a prediction) reads each (condition, reader) pair once: the outcomes
 * and the frames with their readers' views. It remembers the last image only, recognised by its
 * pixels; one per job, used by the job's thread only.
 */
public final class SuiteMemo {

    private int pixelsHash;
    private int width = -1;
    private int height = -1;
    private final Map<SuiteOrder.Reading, Boolean> outcomes = new HashMap<>();
    private final Map<CameraCondition, ReaderViews> views = new EnumMap<>(CameraCondition.class);

    /** The memo of this image: what was read of it, or nothing when it is another image than the last. */
    SuiteMemo of(BufferedImage image) {
        int hash = Arrays.hashCode(Luma.pixels(image));
        if (hash != pixelsHash || image.getWidth() != width || image.getHeight() != height) {
            pixelsHash = hash;
            width = image.getWidth();
            height = image.getHeight();
            outcomes.clear();
            views.clear();
        }
        return this;
    }

    Map<SuiteOrder.Reading, Boolean> outcomes() {
        return outcomes;
    }

    Map<CameraCondition, ReaderViews> views() {
        return views;
    }
}
