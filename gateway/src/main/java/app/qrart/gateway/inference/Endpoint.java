package app.qrart.gateway.inference;

import java.util.concurrent.atomic.AtomicInteger;

/** One TorchServe: its client, key, requests in flight from this gateway and last known health. */
final class Endpoint {

    final String url;
    final TorchServeClient client;
    final InferenceKey key;
    final AtomicInteger outstanding = new AtomicInteger();
    volatile boolean healthy = true;

    Endpoint(String url, TorchServeClient client, InferenceKey key) {
        this.url = url;
        this.client = client;
        this.key = key;
    }
}
