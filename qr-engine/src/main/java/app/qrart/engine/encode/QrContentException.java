package app.qrart.engine.encode;

/** Content that cannot become a QR code the gate would pass; each reason is its own subtype. */
public abstract class QrContentException extends RuntimeException {
    protected QrContentException(String message) {
        super(message);
    }
}
