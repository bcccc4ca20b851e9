package app.qrart.gateway.storage;

/** The record store could not complete an operation; adapters throw it for any outage. */
public class RecordStoreException extends RuntimeException {
    public RecordStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
