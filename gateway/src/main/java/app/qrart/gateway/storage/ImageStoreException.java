package app.qrart.gateway.storage;

/** The image store could not take an image through every write attempt. */
public class ImageStoreException extends RuntimeException {
    public ImageStoreException(Throwable cause) {
        super("the image store is unavailable, the image could not be saved", cause);
    }
}
