package app.qrart.gateway.storage;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Images in a Google Cloud Storage bucket, handed out as signed or public URLs. */
public class GcsImageStore implements ImageStore {

    private final Storage storage;
    private final String bucket;
    private final boolean signed;
    private final Duration signedTtl;
    private final String publicBase;

    public GcsImageStore(Storage storage, String bucket, boolean signed, Duration signedTtl, String publicBase) {
        this.storage = storage;
        this.bucket = bucket;
        this.signed = signed;
        this.signedTtl = signedTtl;
        this.publicBase = publicBase;
    }

    @Override
    public void put(String key, byte[] png) {
        BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, key))
                .setContentType("image/png")
                .setCacheControl("public, max-age=31536000, immutable")
                .build();
        storage.create(info, png);
    }

    @Override
    public void delete(String key) {
        storage.delete(BlobId.of(bucket, key));
    }

    @Override
    public byte[] get(String key) {
        try {
            return storage.readAllBytes(BlobId.of(bucket, key));
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public String url(String key) {
        if (signed) {
            return storage.signUrl(
                            BlobInfo.newBuilder(BlobId.of(bucket, key)).build(),
                            signedTtl.toSeconds(),
                            TimeUnit.SECONDS,
                            Storage.SignUrlOption.withV4Signature())
                    .toString();
        }
        return publicBase + "/" + bucket + "/" + key;
    }

    @Override
    public boolean reachable() {
        try {
            return storage.get(bucket) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
