package app.qrart.engine.locate;

/** The picture's code reads as other text than the content given. */
public final class OtherContentException extends RuntimeException {

    private final String read;

    OtherContentException(String read) {
        super("the code in the picture reads as '" + read + "', not as the given content");
        this.read = read;
    }

    /** What the code reads as. */
    public String read() {
        return read;
    }
}
