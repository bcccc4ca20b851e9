package app.qrart.gateway.picture;

/** An uploaded picture the service cannot take; the reason decides the HTTP status, the message says why. */
public class PictureRejectedException extends RuntimeException {

    /** Why a picture was refused. */
    public enum Reason {
        /** Not a picture in an accepted format. */
        NOT_AN_IMAGE,
        /** Its declared content type or file extension names another format. */
        MISLABELLED,
        /** The file is larger than the upload limit. */
        TOO_MANY_BYTES,
        /** Its header declares more pixels than the limit (a decompression bomb is refused unread). */
        TOO_MANY_PIXELS,
        /** Smaller than a readable code needs. */
        TOO_SMALL,
        /** Its data is broken. */
        UNREADABLE,
        /** No QR code was found in it. */
        NO_CODE,
        /** The code found in it is not the one for the given content. */
        NOT_MATCHED
    }

    private final Reason reason;

    public PictureRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault. */
    public String field() {
        return reason == Reason.NOT_MATCHED ? "content" : "image";
    }
}
