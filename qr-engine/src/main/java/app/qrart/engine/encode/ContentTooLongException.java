package app.qrart.engine.encode;

/** The content needs a larger symbol than the version cap allows at the configured EC level. */
public class ContentTooLongException extends QrContentException {
    public ContentTooLongException(int maxVersion, String level) {
        super("content is too long for a QR code of version " + maxVersion + " at error-correction level " + level
                + "; shorten it");
    }
}
