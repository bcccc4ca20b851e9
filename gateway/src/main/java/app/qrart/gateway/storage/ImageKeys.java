package app.qrart.gateway.storage;

/** How a generation's images are named in the image store (ids are unguessable). */
public final class ImageKeys {

    private ImageKeys() {}

    public static String image(String generationId) {
        return generationId + ".png";
    }

    /** The picture a user uploaded for a job, as it was accepted (upright, opaque, within the size limit). */
    public static String source(String generationId) {
        return generationId + "_source.png";
    }

    public static String thumbnail(String generationId) {
        return generationId + "_thumb.png";
    }
}
