package app.qrart.gateway.job;

/** Orders the gallery newest first: a sortable key of inverted creation time and id. */
public final class GalleryCursor {

    private GalleryCursor() {}

    public static String of(Generation generation) {
        long inverted = Long.MAX_VALUE - generation.createdAt().toEpochMilli();
        return String.format("%019d_%s", inverted, generation.id());
    }

    /** True when the text could be a cursor this class made; anything else is refused with 400. */
    public static boolean valid(String cursor) {
        return cursor != null && cursor.matches("\\d{19}_[A-Za-z0-9_-]{8,64}");
    }
}
