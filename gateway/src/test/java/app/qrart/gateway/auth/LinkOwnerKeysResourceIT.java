package app.qrart.gateway.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class LinkOwnerKeysResourceIT extends LinkOwnerKeysResourceTest {}
