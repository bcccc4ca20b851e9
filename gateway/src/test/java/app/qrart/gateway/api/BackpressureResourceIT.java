package app.qrart.gateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class BackpressureResourceIT extends BackpressureResourceTest {}
