package app.qrart.gateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ApiKeyResourceIT extends ApiKeyResourceTest {}
