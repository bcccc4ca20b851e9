package app.qrart.gateway.storage;

/**
 * How a generation's images are named in the image store (ids are unguessable). A delivered image
 * is named by the lease epoch it was made under, so a replica that lost a job's lease never
 * overwrites the image of the replica that holds it.
 */
public final class ImageKeys {

    private static final String PNG = ".png";

    private ImageKeys() {}

    /** The delivered image of a job made under this lease epoch. */
    public static String image(String generationId, long epoch) {
        return generationId + "_e" + epoch + PNG;
    }

    /** The picture a user uploaded for a job, as it was accepted (upright, opaque, within the size limit). */
    public static String source(String generationId) {
        return generationId + "_source.png";
    }

    /** The thumbnail beside a delivered image. */
    public static String thumbnail(String imageKey) {
        return imageKey.substring(0, imageKey.length() - PNG.length()) + "_thumb.png";
    }
}
