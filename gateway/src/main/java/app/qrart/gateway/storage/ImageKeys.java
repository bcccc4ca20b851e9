package app.qrart.gateway.storage;

/** How a generation's images are named in the image store (ids are unguessable). */
public final class ImageKeys {

    private ImageKeys() {}

    public static String image(String generationId) {
        return generationId + ".png";
    }

    public static String thumbnail(String generationId) {
        return generationId + "_thumb.png";
    }
}
