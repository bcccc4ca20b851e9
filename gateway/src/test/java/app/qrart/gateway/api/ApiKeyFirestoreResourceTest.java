package app.qrart.gateway.api;

import app.qrart.gateway.support.KeysOn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** API keys on Firestore (the emulator), images in the GCS emulator. */
@QuarkusTest
@QuarkusTestResource(value = KeysOn.OnFirestore.class, restrictToAnnotatedClass = true)
class ApiKeyFirestoreResourceTest extends ApiKeyContract {}
