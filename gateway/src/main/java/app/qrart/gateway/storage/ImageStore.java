package app.qrart.gateway.storage;

/** Where PNGs live. Keys are unguessable; URLs are what clients fetch. */
public interface ImageStore {

    /** Writes the bytes under the key (overwriting is allowed: retries are idempotent). */
    void put(String key, byte[] png);

    /** Removes the object under the key, if any. */
    void delete(String key);

    /** The bytes under the key, or null. */
    byte[] get(String key);

    /** The URL a client uses to fetch the object. */
    String url(String key);

    /** True when the store answers. */
    boolean reachable();
}
