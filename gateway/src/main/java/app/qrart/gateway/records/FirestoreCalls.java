package app.qrart.gateway.records;

import app.qrart.gateway.storage.RecordStoreException;
import com.google.api.core.ApiFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a Firestore call, bounded; any failure is a record store outage. */
final class FirestoreCalls {

    private static final long TIMEOUT_SECONDS = 10;

    private FirestoreCalls() {}

    static <T> T await(ApiFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordStoreException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RecordStoreException("Firestore: " + e.getMessage(), e);
        }
    }
}
