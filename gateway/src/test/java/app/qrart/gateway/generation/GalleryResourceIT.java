package app.qrart.gateway.generation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class GalleryResourceIT extends GalleryResourceTest {}
