package app.qrart.gateway.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.qrart.gateway.auth.KeySecrets;
import app.qrart.gateway.config.LinkConfig;
import app.qrart.gateway.records.EmbeddedLinkRepository;
import app.qrart.gateway.support.Configs;
import app.qrart.gateway.support.TestDefaults;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/** Making links and who may change them, on the embedded store in memory. */
class ShortLinksTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static ShortLinks links(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(TestDefaults.SHORT_LINKS);
        properties.putAll(overrides);
        return new ShortLinks(
                Configs.of(LinkConfig.class, properties), new EmbeddedLinkRepository(MVStore.open(null), MAPPER));
    }

    @Test
    void aServerWithoutLinksRefusesOneNamingShortLink() {
        ShortLinks off = links(Map.of("qrart.links.enabled", "false"));
        InvalidLinkFieldException e = assertThrows(
                InvalidLinkFieldException.class,
                () -> off.draft("https://example.com/", "content", ErrorCorrectionLevel.H));
        assertEquals("shortLink", e.field());
        assertEquals("short links are not enabled on this server", e.getMessage());
    }

    @Test
    void linksOnWithoutABaseUrlFailAtStart() {
        Map<String, String> noBase = new HashMap<>(TestDefaults.SHORT_LINKS);
        noBase.remove("qrart.links.base-url");
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> new ShortLinks(
                        Configs.of(LinkConfig.class, noBase), new EmbeddedLinkRepository(MVStore.open(null), MAPPER)));
        assertTrue(e.getMessage().contains("qrart.links.base-url"));
    }

    @Test
    void aLinkWithoutAKeyHasAnEditTokenStoredOnlyAsItsHash() {
        ShortLinks links = links(Map.of());
        ShortLinks.Created created =
                links.create(links.draft("https://example.com/a", "content", ErrorCorrectionLevel.H), null);
        assertNotNull(created.editToken());
        assertEquals(KeySecrets.hash(created.editToken()), created.link().editTokenHash());
        assertFalse(MAPPER.valueToTree(created.link()).toString().contains(created.editToken()));
        ShortLinks.Created keyed =
                links.create(links.draft("https://example.com/b", "content", ErrorCorrectionLevel.H), "key0000001");
        assertNull(keyed.editToken());
        assertNull(keyed.link().editTokenHash());
    }

    @Test
    void theOwnersProofsAndTheAdmin() {
        ShortLinks links = links(Map.of());
        ShortLinks.Created byToken =
                links.create(links.draft("https://example.com/t", "content", ErrorCorrectionLevel.H), null);
        ShortLinks.Created byKey =
                links.create(links.draft("https://example.com/k", "content", ErrorCorrectionLevel.H), "owner00001");
        String tokenCode = byToken.link().code().toLowerCase();
        String keyCode = byKey.link().code();
        assertThrows(
                LinkProofMissingException.class, () -> links.read(tokenCode, new ShortLinks.Proof(null, null, false)));
        assertThrows(
                LinkNotYoursException.class,
                () -> links.read(tokenCode, new ShortLinks.Proof(null, "qrl_wrong", false)));
        assertEquals(byToken.link(), links.read(tokenCode, new ShortLinks.Proof(null, byToken.editToken(), false)));
        assertThrows(
                LinkNotYoursException.class,
                () -> links.read(keyCode, new ShortLinks.Proof("other00001", null, false)));
        assertEquals(byKey.link(), links.read(keyCode, new ShortLinks.Proof("owner00001", null, false)));
        assertTrue(links.switchOff(keyCode, true, new ShortLinks.Proof(null, null, true))
                .disabled());
        assertThrows(LinkNotFoundException.class, () -> links.read("ZZZZZZZZ", new ShortLinks.Proof(null, null, true)));
    }

    @Test
    void changesPastTheDailyAllowanceAreRefusedButTheAdminMayStillSwitchALinkOff() {
        ShortLinks links = links(Map.of("qrart.links.max-edits-per-day", "2"));
        ShortLinks.Created created =
                links.create(links.draft("https://example.com/x", "content", ErrorCorrectionLevel.H), null);
        ShortLinks.Proof owner = new ShortLinks.Proof(null, created.editToken(), false);
        String code = created.link().code();
        links.changeDestination(code, "https://example.com/1", owner);
        links.changeDestination(code, "https://example.com/2", owner);
        LinkEditsExhaustedException e = assertThrows(
                LinkEditsExhaustedException.class, () -> links.changeDestination(code, "https://example.com/3", owner));
        assertTrue(e.retryAfterSeconds() >= 1 && e.retryAfterSeconds() <= 86_400);
        assertTrue(links.switchOff(code, true, new ShortLinks.Proof(null, null, true))
                .disabled());
        assertEquals(4, links.read(code, owner).history().size());
    }
}
