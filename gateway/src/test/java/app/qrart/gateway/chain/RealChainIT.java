package app.qrart.gateway.chain;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RealChainIT extends RealChainTest {}
