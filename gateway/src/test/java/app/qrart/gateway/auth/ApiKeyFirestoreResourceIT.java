package app.qrart.gateway.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ApiKeyFirestoreResourceIT extends ApiKeyFirestoreResourceTest {}
