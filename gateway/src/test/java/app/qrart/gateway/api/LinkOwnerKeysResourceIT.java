package app.qrart.gateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class LinkOwnerKeysResourceIT extends LinkOwnerKeysResourceTest {}
