package app.qrart.gateway.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkDestinationsTest {

    private final LinkDestinations destinations = new LinkDestinations(2048, List.of("phish.example"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/menu?table=4&utm_source=qr",
                "http://example.com",
                "HTTPS://EXAMPLE.COM/A",
                "https://bücher.example/straße",
                "https://[2001:db8::1]:8443/x"
            })
    void httpLinksWithAHostAreDestinations(String link) {
        assertEquals(link, destinations.check(link, "destination"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "ftp://example.com/file",
                "https://phish.example/login",
                "https://login.PHISH.example./x",
                "https://user:pass@example.com/",
                "https://example.com/a b",
                "https://example.com/\u0007",
                "https:///path-only",
                "",
                "example.com"
            })
    void whatIsNoHttpLinkOrPointsAtADeniedHostIsRefusedNamingTheField(String link) {
        InvalidLinkFieldException e =
                assertThrows(InvalidLinkFieldException.class, () -> destinations.check(link, "destination"));
        assertEquals("destination", e.field());
    }

    @Test
    void aDestinationOverTheLengthLimitIsRefused() {
        String longest = "https://example.com/" + "a".repeat(2048 - 20);
        assertEquals(longest, destinations.check(longest, "content"));
        InvalidLinkFieldException e =
                assertThrows(InvalidLinkFieldException.class, () -> destinations.check(longest + "a", "content"));
        assertEquals("content", e.field());
    }

    @Test
    void theLocationHeaderCarriesNonAsciiPercentEncoded() {
        assertEquals(
                "https://b%C3%BCcher.example/?q=%C3%A9|x", LinkDestinations.location("https://bücher.example/?q=é|x"));
    }
}
