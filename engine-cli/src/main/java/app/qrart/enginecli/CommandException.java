package app.qrart.enginecli;

/** Why a command could not do its work, with the exit status that says so. */
final class CommandException extends RuntimeException {

    /** The command line itself is wrong. */
    static final int USAGE = 2;

    /** The image file is missing or not an image. */
    static final int NO_IMAGE = 3;

    /** The image holds no QR code. */
    static final int NO_CODE = 4;

    /** The image's code carries other content than the one given. */
    static final int OTHER_CONTENT = 5;

    /** No repair within the strength's limits makes the code read. */
    static final int NOT_FIXED = 6;

    private final int status;

    CommandException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
