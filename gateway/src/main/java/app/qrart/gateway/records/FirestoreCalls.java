package app.qrart.gateway.records;

import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.storage.RecordStoreException;
import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for Firestore calls and transactions, each bounded; any failure is a record store outage. */
final class FirestoreCalls {

    private final Firestore firestore;
    private final Duration callTimeout;
    private final Duration transactionTimeout;
    private final TransactionOptions transactionOptions;

    FirestoreCalls(Firestore firestore, StorageConfig.Firestore config) {
        this.firestore = firestore;
        this.callTimeout = config.callTimeout();
        this.transactionTimeout = config.transactionTimeout();
        this.transactionOptions = TransactionOptions.createReadWriteOptionsBuilder()
                .setNumberOfAttempts(config.transactionAttempts())
                .build();
    }

    Firestore firestore() {
        return firestore;
    }

    <T> T await(ApiFuture<T> future) {
        return await(future, callTimeout);
    }

    /** Runs a read-write transaction; contended ones are retried by the client within the bound. */
    <T> T transact(Transaction.Function<T> body) {
        return await(firestore.runTransaction(body, transactionOptions), transactionTimeout);
    }

    private static <T> T await(ApiFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordStoreException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RecordStoreException("Firestore: " + e.getMessage(), e);
        }
    }
}
