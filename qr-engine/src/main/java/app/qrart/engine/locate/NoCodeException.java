package app.qrart.engine.locate;

import java.util.OptionalDouble;

/** No code of the content was found in the picture; {@code nearest} is how far the nearest match was, if any. */
public final class NoCodeException extends RuntimeException {

    private final OptionalDouble nearest;

    NoCodeException(OptionalDouble nearest) {
        super(
                nearest.isEmpty()
                        ? "no QR code was found in the picture"
                        : String.format(
                                java.util.Locale.ROOT,
                                "no QR code of this content was found in the picture: the nearest match differs in %.0f%% of"
                                        + " its modules",
                                100 * nearest.getAsDouble()));
        this.nearest = nearest;
    }

    /** The share of modules the nearest match differs in, when anything resembling a code was found. */
    public OptionalDouble nearest() {
        return nearest;
    }
}
