package app.qrart.gateway.records;

/** The record store could not complete an operation. */
public class RecordStoreException extends RuntimeException {
    public RecordStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
