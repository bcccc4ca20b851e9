package app.qrart.gateway.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void userAgentsTellThePlatform() {
        assertEquals(
                Platform.IOS,
                Platform.of(
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"));
        assertEquals(Platform.IOS, Platform.of("Camera/1 CFNetwork/1494.0.7 Darwin/23.4.0"));
        assertEquals(
                Platform.ANDROID,
                Platform.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/124.0 Mobile"));
        assertEquals(Platform.OTHER, Platform.of("curl/8.5.0"));
        assertEquals(Platform.OTHER, Platform.of(null));
    }
}
