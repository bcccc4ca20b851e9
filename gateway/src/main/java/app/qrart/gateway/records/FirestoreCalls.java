package app.qrart.gateway.records;

import app.qrart.gateway.config.StorageConfig;
import app.qrart.gateway.storage.RecordStoreException;
import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QuerySnapshot;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import com.google.cloud.firestore.WriteResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for Firestore calls and transactions, each bounded; any failure is a record store outage.
 * Counts the documents read and written ({@code qrart.records.reads}, {@code qrart.records.writes}
 * in the global registry, which Quarkus exports): a query reads its results (at least one), every
 * transaction attempt here reads one document, and a transaction's writes are told by its body
 * ({@link #wrote}).
 */
final class FirestoreCalls {

    private static final Counter READS = Metrics.counter("qrart.records.reads");
    private static final Counter WRITES = Metrics.counter("qrart.records.writes");

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
        T result = await(future, callTimeout);
        if (result instanceof DocumentSnapshot) {
            READS.increment();
        } else if (result instanceof QuerySnapshot query) {
            READS.increment(Math.max(1, query.size()));
        } else if (result instanceof WriteResult) {
            WRITES.increment();
        }
        return result;
    }

    /** Runs a read-write transaction (one document read); contended ones are retried by the client within the bound. */
    <T> T transact(Transaction.Function<T> body) {
        Transaction.Function<T> counted = transaction -> {
            READS.increment();
            return body.updateCallback(transaction);
        };
        return await(firestore.runTransaction(counted, transactionOptions), transactionTimeout);
    }

    /** A snapshot listener received one document. */
    static void read() {
        READS.increment();
    }

    /** A transaction body wrote one document. */
    static void wrote() {
        WRITES.increment();
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
