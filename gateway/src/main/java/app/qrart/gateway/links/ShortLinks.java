package app.qrart.gateway.links;

import app.qrart.engine.encode.LinkCodes;
import app.qrart.gateway.auth.KeySecrets;
import app.qrart.gateway.config.LinkConfig;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Making short links for jobs, and what their owners (the API key that made one, or the holder of
 * its edit token) and the admin may read and change.
 */
@ApplicationScoped
public class ShortLinks {

    private static final Logger LOG = Logger.getLogger(ShortLinks.class);
    private static final int TOKEN_BYTES = 32;
    private static final String TOKEN_PREFIX = "qrl_";
    /** Draws of a fresh code after a collision before giving up (each is one in millions). */
    private static final int CODE_DRAWS = 5;

    private final LinkConfig config;
    private final LinkRepository repository;
    private final LinkCodes codes;
    private final LinkDestinations destinations;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public ShortLinks(LinkConfig config, LinkRepository repository) {
        this.config = config;
        this.repository = repository;
        this.codes = config.enabled()
                ? new LinkCodes(
                        config.baseUrl()
                                .orElseThrow(() -> new IllegalStateException(
                                        "qrart.links.enabled is true but qrart.links.base-url is not set")),
                        config.minCodeChars())
                : null;
        this.destinations = new LinkDestinations(
                config.maxDestinationChars(), config.deniedHosts().orElse(List.of()));
    }

    /** Fails start-up on a base URL a code cannot carry, instead of at the first request. */
    void checkAtStart(@Observes StartupEvent event) {
        if (codes != null) {
            LOG.infof(
                    "short links on: %s<code>, version %d at level H",
                    codes.base(), codes.version(ErrorCorrectionLevel.H));
        }
    }

    /** A short URL drawn for a job (not yet stored) and the link's destination. */
    public record Draft(String code, String url, String destination) {}

    /** A stored link; {@code editToken} is seen only here, for links without an owning key. */
    public record Created(ShortLink link, String url, String editToken) {}

    /** Who asks: the caller's key id, an edit token, or the admin. */
    public record Proof(String keyId, String editToken, boolean admin) {}

    /** Scans of one day by platform. */
    public record DayCounts(LocalDate day, long ios, long android, long other) {}

    public boolean enabled() {
        return codes != null;
    }

    /** The short link settings, or empty when links are off. */
    public Optional<LinkCodes> codes() {
        return Optional.ofNullable(codes);
    }

    public LinkDestinations destinations() {
        return destinations;
    }

    /** A code and URL for a job whose content is {@code destination} ({@code field} names it in errors). */
    public Draft draft(String destination, String field, ErrorCorrectionLevel level) {
        if (codes == null) {
            throw new InvalidLinkFieldException("shortLink", "short links are not enabled on this server");
        }
        String checked = destinations.check(destination, field);
        String code = codes.draw(level);
        return new Draft(code, codes.url(code), checked);
    }

    /** Stores the drafted link; a code taken meanwhile is drawn again at the same length. */
    public Created create(Draft draft, String ownerKeyId) {
        String token = ownerKeyId == null ? newToken() : null;
        String hash = token == null ? null : KeySecrets.hash(token);
        String code = draft.code();
        for (int draw = 0; draw < CODE_DRAWS; draw++) {
            ShortLink link = ShortLink.created(code, draft.destination(), ownerKeyId, hash, clock.instant());
            if (repository.create(link)) {
                return new Created(link, codes.url(code), token);
            }
            code = codes.draw(code.length());
        }
        throw new IllegalStateException("no free short link code after " + CODE_DRAWS + " draws");
    }

    /** Removes a link whose job was not accepted after all. */
    public void forget(String code) {
        repository.delete(code);
    }

    public ShortLink read(String code, Proof proof) {
        return owned(code, proof);
    }

    public ShortLink changeDestination(String code, String destination, Proof proof) {
        return change(code, destination, null, proof);
    }

    public ShortLink switchOff(String code, boolean off, Proof proof) {
        return change(code, null, off, proof);
    }

    /**
     * A new destination and/or the link switched off or on (null: unchanged), read and written
     * once; switching to the state it is in changes nothing.
     */
    public ShortLink change(String code, String destination, Boolean off, Proof proof) {
        ShortLink link = owned(code, proof);
        Instant now = clock.instant();
        ShortLink after = link;
        if (destination != null) {
            after = after.leadingTo(destinations.check(destination, "destination"), now);
        }
        if (off != null && off != after.disabled()) {
            after = after.switched(off, now);
        }
        return after == link ? link : changed(link, after, proof);
    }

    /** A new edit token for a link owned by one; the old one stops working. */
    public String rotateEditToken(String code, Proof proof) {
        ShortLink link = owned(code, proof);
        if (link.editTokenHash() == null) {
            throw new InvalidLinkFieldException("editToken", "this link belongs to an API key and has no edit token");
        }
        String token = newToken();
        repository.save(link.withEditTokenHash(KeySecrets.hash(token)));
        LOG.infof("short link %s: edit token rotated", code);
        return token;
    }

    /** Every link, for an export. */
    public List<ShortLink> all() {
        return repository.all();
    }

    /** Scans per UTC day for the configured number of days, newest first. */
    public List<DayCounts> counts(String code) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<LocalDate, Map<Platform, Long>> stored =
                repository.scansSince(code, today.minusDays(config.countDays() - 1L));
        List<DayCounts> days = new ArrayList<>();
        for (int back = 0; back < config.countDays(); back++) {
            LocalDate day = today.minusDays(back);
            Map<Platform, Long> byPlatform = stored.getOrDefault(day, new EnumMap<>(Platform.class));
            days.add(new DayCounts(
                    day,
                    byPlatform.getOrDefault(Platform.IOS, 0L),
                    byPlatform.getOrDefault(Platform.ANDROID, 0L),
                    byPlatform.getOrDefault(Platform.OTHER, 0L)));
        }
        return days;
    }

    private ShortLink changed(ShortLink before, ShortLink after, Proof proof) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!proof.admin() && before.changesOn(today) >= config.maxEditsPerDay()) {
            Instant midnight = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            throw new LinkEditsExhaustedException(
                    config.maxEditsPerDay(),
                    Math.max(1, Duration.between(clock.instant(), midnight).toSeconds()));
        }
        repository.save(after);
        LOG.infof("short link %s changed (disabled: %s)", after.code(), after.disabled());
        return after;
    }

    private ShortLink owned(String given, Proof proof) {
        ShortLink link = LinkCodes.normalise(given).flatMap(repository::find).orElseThrow(LinkNotFoundException::new);
        if (proof.admin()) {
            return link;
        }
        boolean byKey = link.ownerKeyId() != null && link.ownerKeyId().equals(proof.keyId());
        boolean byToken = link.editTokenHash() != null
                && proof.editToken() != null
                && KeySecrets.matches(proof.editToken(), link.editTokenHash());
        if (byKey || byToken) {
            return link;
        }
        if (proof.keyId() == null && proof.editToken() == null) {
            throw new LinkProofMissingException();
        }
        throw new LinkNotYoursException();
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
