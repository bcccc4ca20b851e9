package app.qrart.gateway.faults;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class StoreOutageIT extends StoreOutageTest {}
