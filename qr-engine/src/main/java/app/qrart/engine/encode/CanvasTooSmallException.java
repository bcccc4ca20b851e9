package app.qrart.engine.encode;

/** The canvas leaves fewer than two pixels per module for this symbol. */
public class CanvasTooSmallException extends QrContentException {
    public CanvasTooSmallException(int canvas) {
        super("size " + canvas + " leaves under 2 pixels per module; use a larger size or shorter content");
    }
}
