package app.qrart.engine.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkCodesTest {

    @Test
    void aBaseOfFifteenCharactersGivesAVersionTwoCodeAtLevelHWithFiveCharacters() throws Exception {
        LinkCodes codes = new LinkCodes("HTTPS://QRA.RT/", 5);
        assertEquals(5, codes.length(ErrorCorrectionLevel.H));
        assertEquals(2, codes.version(ErrorCorrectionLevel.H));
        String url = codes.url(codes.draw(ErrorCorrectionLevel.H));
        assertEquals(20, url.length());
        assertEquals(2, Encoder.encode(url, ErrorCorrectionLevel.H).getVersion().getVersionNumber());
    }

    @Test
    void aLevelWithRoomLeftInTheSmallestVersionDrawsLongerCodesThatStillFitIt() throws Exception {
        LinkCodes codes = new LinkCodes("HTTPS://QRA.RT/", 5);
        int length = codes.length(ErrorCorrectionLevel.L);
        assertTrue(length > 5, "level L holds more than 5 characters in version 1");
        String url = codes.url(codes.draw(ErrorCorrectionLevel.L));
        int version = Encoder.encode(url, ErrorCorrectionLevel.L).getVersion().getVersionNumber();
        assertEquals(codes.version(ErrorCorrectionLevel.L), version);
        String oneMore = url + "X";
        assertNotEquals(
                version,
                Encoder.encode(oneMore, ErrorCorrectionLevel.L).getVersion().getVersionNumber());
    }

    @Test
    void codesAreRandomCapitalsAndDigitsWithoutLookAlikes() {
        LinkCodes codes = new LinkCodes("HTTP://LOCALHOST:8080/S/", 5);
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String code = codes.draw(ErrorCorrectionLevel.H);
            assertTrue(code.matches("[2-9A-HJ-NP-Z]+"), code);
            drawn.add(code);
        }
        assertEquals(500, drawn.size());
    }

    @Test
    void codesAreMatchedInAnyCaseAndNothingElseIsACode() {
        assertEquals(Optional.of("A7K2Q"), LinkCodes.normalise("a7k2q"));
        assertEquals(Optional.empty(), LinkCodes.normalise("index.html"));
        assertEquals(Optional.empty(), LinkCodes.normalise("A0K1O"));
        assertEquals(Optional.empty(), LinkCodes.normalise(null));
    }

    @Test
    void theRedirectPathIsTheBasesPath() {
        assertEquals("/S/", new LinkCodes("HTTP://LOCALHOST:8080/S/", 5).path());
        assertEquals("/", new LinkCodes("HTTPS://QRA.RT/", 5).path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://qra.rt/", "HTTPS://QRA.RT", "FTP://QRA.RT/", "HTTPS://QRA.RT/A_B/", "QRA.RT/"})
    void aBaseOutsideQrsAlphanumericSetOrNotAnHttpUrlIsRefusedAtStart(String base) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LinkCodes(base, 5));
        assertTrue(e.getMessage().contains("qrart.links.base-url"), e.getMessage());
    }
}
