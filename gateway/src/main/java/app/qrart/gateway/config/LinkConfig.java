package app.qrart.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Short links: a small code on the symbol that redirects to a destination its owner may change. */
@ConfigMapping(prefix = "qrart.links")
public interface LinkConfig {

    /** Whether jobs may ask for a short link and the redirects answer. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The short URL before the code, in QR's alphanumeric set (capitals, digits, {@code $%*+-./:}),
     * ending in "/", e.g. HTTPS://QRA.RT/ or HTTP://LOCALHOST:8080/S/; its path is where the
     * gateway answers the redirects. Required when links are enabled.
     */
    Optional<String> baseUrl();

    /** Fewest characters of a code (more are drawn when the smallest version holds them). */
    @WithDefault("5")
    int minCodeChars();

    /** Longest destination, in characters. */
    @WithDefault("2048")
    int maxDestinationChars();

    /** Hosts no destination may point at (a host and its subdomains), e.g. known phishing hosts. */
    Optional<List<String>> deniedHosts();

    /** How long a redirect may serve a cached destination (or a cached "unknown code"). */
    @WithDefault("PT5S")
    Duration cacheTtl();

    /** Destinations cached at most. */
    @WithDefault("100000")
    long cacheSize();

    /** Destination changes and switches a link's owner may make per UTC day. */
    @WithDefault("20")
    int maxEditsPerDay();

    /** Unknown codes one client address may ask for per minute before it is answered 429. */
    @WithDefault("30")
    int maxMissesPerMinute();

    /** Interval at which counted scans are added to the record store. */
    @WithDefault("PT5S")
    Duration flushInterval();

    /** Distinct (link, day, platform) counts kept in memory while the store is down; more are dropped. */
    @WithDefault("100000")
    int maxPendingCounts();

    /** User-Agent fragments of link-preview bots, whose visits redirect but are not counted as scans. */
    @WithDefault("facebookexternalhit,Facebot,Twitterbot,Slackbot,LinkedInBot,WhatsApp,TelegramBot,Discordbot,"
            + "SkypeUriPreview,Pinterest,redditbot,Applebot,Googlebot,bingbot,Embedly,vkShare")
    List<String> previewBots();

    /** Days of scan counts a link's owner sees, today included. */
    @WithDefault("30")
    int countDays();
}
