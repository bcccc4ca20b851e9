package app.qrart.gateway.api;

import app.qrart.gateway.support.KeysOn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** API keys on the embedded record store. */
@QuarkusTest
@QuarkusTestResource(value = KeysOn.Embedded.class, restrictToAnnotatedClass = true)
class ApiKeyResourceTest extends ApiKeyContract {}
