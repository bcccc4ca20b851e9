package app.qrart.gateway.admission;

import app.qrart.gateway.auth.ApiKey;

/** Who submits: the client's address and, when the API takes keys, the key it authenticated with. */
public record Caller(String address, ApiKey key) {

    public static Caller anonymous(String address) {
        return new Caller(address, null);
    }

    /** The identity the per-minute rate is counted for: the key, else the address. */
    String rateIdentity() {
        return key == null ? "ip:" + address : "key:" + key.id();
    }
}
