package app.qrart.engine.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.engine.testing.QrParts;
import app.qrart.engine.verify.QrVerifier;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A URL's scheme and host in capitals, as an alphanumeric segment, when that lowers the version. */
class CompactUrlTest {

    private static final QrVerifier VERIFIER = new QrVerifier();
    private final QrEncoder encoder = QrParts.encoder(40);

    @Test
    void aUrlWhoseCapitalisedHostLowersTheVersionIsEncodedSoAndEveryReaderReadsIt() {
        String link = "https://example.com/qr-art";
        assertEquals(4, encoder.encode(link, ErrorCorrectionLevel.H).version(), "as given");
        QrSymbol compact = encoder.encodeShortest(link, ErrorCorrectionLevel.H);
        assertEquals("HTTPS://EXAMPLE.COM/qr-art", compact.content(), "the path keeps its case");
        assertEquals(3, compact.version());
        assertTrue(VERIFIER.readsExactly(encoder.render(compact, 512), compact.content()));
        assertEquals(
                3,
                encoder.smallestVersion(link, ErrorCorrectionLevel.H).getAsInt(),
                "the hint counts as a job encodes");
    }

    @Test
    void aMaskAndVersionChosenForAPictureKeepTheCompactSegments() {
        String compact = encoder.compactText("https://example.com/qr-art", ErrorCorrectionLevel.H);
        for (QrSymbol symbol : encoder.alternatives(compact, ErrorCorrectionLevel.H, 1)) {
            assertEquals(compact, symbol.content());
            assertTrue(symbol.version() == 3 || symbol.version() == 4, "version " + symbol.version());
        }
        QrSymbol larger =
                encoder.alternatives(compact, ErrorCorrectionLevel.H, 1).get(8 + 5);
        assertEquals(4, larger.version());
        assertEquals(5, larger.mask());
        assertTrue(VERIFIER.readsExactly(encoder.render(larger, 512), compact));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://qr.art/outage",
                "plain text, https://example.com/qr-art inside",
                "mailto:someone@example.com",
                "https://bücher.example/straße"
            })
    void textThatCapitalsWouldNotShortenIsLeftAsItIs(String text) {
        assertEquals(text, encoder.compactText(text, ErrorCorrectionLevel.H));
    }

    @Test
    void compactUrlsCanBeSwitchedOff() {
        QrEncoder plain = new QrEncoder(SymbolSettings.DEFAULTS.withCompactUrls(false), new QrVerifier());
        assertEquals(
                "https://example.com/qr-art",
                plain.encodeShortest("https://example.com/qr-art", ErrorCorrectionLevel.H)
                        .content());
    }
}
