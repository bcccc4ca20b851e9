package app.qrart.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class InfoResourceIT extends InfoResourceTest {
}
