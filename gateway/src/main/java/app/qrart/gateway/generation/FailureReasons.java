package app.qrart.gateway.generation;

import app.qrart.engine.encode.QrContentException;
import app.qrart.gateway.inference.InferenceException;
import app.qrart.gateway.picture.PictureRejectedException;
import app.qrart.gateway.storage.ImageStoreException;

/** The plain sentence a failed job shows its user, chosen by the type of what failed. */
final class FailureReasons {

    static final String UNEXPECTED = "the generation failed unexpectedly; try again";

    private FailureReasons() {}

    /** Domain failures carry a user sentence as their message; anything else gets a generic one. */
    static String of(RuntimeException failure) {
        boolean known = failure instanceof InferenceException
                || failure instanceof QrContentException
                || failure instanceof PictureRejectedException
                || failure instanceof ImageStoreException;
        return known ? failure.getMessage() : UNEXPECTED;
    }

    static String unfinished(java.time.Duration maxAge) {
        return "the job did not finish within " + maxAge.toMinutes() + " minutes of being accepted; try again";
    }

    static String gpuTooSmall(int size, boolean smallerAllowed) {
        return "the model server's GPU memory is too small for one image of size " + size
                + (smallerAllowed
                        ? ", and no smaller size could be used"
                        : "; try a smaller size, or set allowSmallerSize to let the service choose one");
    }

    static String pictureUnscannable(String strength) {
        return "no change within the " + strength + " strength's limit made this picture read on every reader; "
                + "try the robust strength, a shorter content or a simpler picture";
    }

    static String repairUnscannable(String strength) {
        return "no repair within the " + strength + " strength's limit made this code read on every reader; "
                + "try the robust strength";
    }

    static String unscannable(int rounds) {
        return "none of the candidates of " + rounds + " round(s) scanned back to the content, even after repair; "
                + "try a higher controlnetScale or a shorter content";
    }
}
