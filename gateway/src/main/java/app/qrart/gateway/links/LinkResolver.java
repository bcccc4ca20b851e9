package app.qrart.gateway.links;

import app.qrart.engine.encode.LinkCodes;
import app.qrart.gateway.config.LinkConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a code leads right now, for the redirects: answers come from a cache whose entries (an
 * unknown code's too) expire within {@code qrart.links.cache-ttl}, so an edit, or a link made on
 * another replica, is seen everywhere within it; the store is read only on a miss. Unknown codes
 * are also counted per client address, to slow down guessing.
 */
@ApplicationScoped
public class LinkResolver {

    private static final Duration MISS_WINDOW = Duration.ofMinutes(1);

    /** What a code answers: a destination, a link switched off, or nothing. */
    public record Target(Kind kind, String location) {
        static final Target UNKNOWN = new Target(Kind.UNKNOWN, null);
        static final Target DISABLED = new Target(Kind.DISABLED, null);
    }

    public enum Kind {
        FOUND,
        DISABLED,
        UNKNOWN
    }

    private final LinkRepository repository;
    private final LinkConfig config;
    private final Cache<String, Target> targets;
    private final Cache<String, AtomicInteger> misses;

    public LinkResolver(LinkRepository repository, LinkConfig config) {
        this.repository = repository;
        this.config = config;
        this.targets = Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl())
                .maximumSize(config.cacheSize())
                .build();
        this.misses = Caffeine.newBuilder()
                .expireAfterWrite(MISS_WINDOW)
                .maximumSize(config.cacheSize())
                .build();
    }

    /** The cached answer for a code as given (any case), without touching the store. */
    public Optional<Target> cached(String given) {
        return LinkCodes.normalise(given).map(targets::getIfPresent).or(() -> malformed(given));
    }

    /** The answer for a code as given, read from the store when not cached (blocking). */
    public Target resolve(String given) {
        Optional<String> code = LinkCodes.normalise(given);
        if (code.isEmpty()) {
            return Target.UNKNOWN;
        }
        return targets.get(code.get(), this::load);
    }

    /** Counts an unknown code asked for by a client; false once the client is past its allowance. */
    public boolean allowMiss(String client) {
        AtomicInteger count = misses.get(client, key -> new AtomicInteger());
        return count.incrementAndGet() <= config.maxMissesPerMinute();
    }

    private Target load(String code) {
        return repository
                .find(code)
                .map(link -> link.disabled()
                        ? Target.DISABLED
                        : new Target(Kind.FOUND, LinkDestinations.location(link.destination())))
                .orElse(Target.UNKNOWN);
    }

    private static Optional<Target> malformed(String given) {
        return LinkCodes.normalise(given).isEmpty() ? Optional.of(Target.UNKNOWN) : Optional.empty();
    }
}
