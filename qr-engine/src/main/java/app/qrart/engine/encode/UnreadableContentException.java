package app.qrart.engine.encode;

/** No mask pattern gives a clean code of this content that both decoders read back exactly. */
public class UnreadableContentException extends QrContentException {
    public UnreadableContentException() {
        super("this content does not read back reliably as a QR code; simplify its characters");
    }
}
