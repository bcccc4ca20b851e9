package app.qrart.gateway.api;

import app.qrart.gateway.links.ShortLink;
import app.qrart.gateway.links.ShortLinks;
import java.time.Instant;
import java.util.List;

/**
 * A short link as its owner sees it: where it leads, whether it answers, every change, and scans
 * per UTC day (newest first) by platform, with their sums over those days.
 */
public record LinkView(
        String code,
        String shortUrl,
        String destination,
        boolean disabled,
        Instant createdAt,
        List<ShortLink.Change> history,
        List<ShortLinks.DayCounts> scans,
        long totalScans) {

    /** The link with its short URL and its scans as the service reads them. */
    static LinkView of(ShortLink link, ShortLinks links) {
        String shortUrl = links.codes().map(codes -> codes.url(link.code())).orElse(null);
        List<ShortLinks.DayCounts> scans = links.counts(link.code());
        long total = scans.stream()
                .mapToLong(day -> day.ios() + day.android() + day.other())
                .sum();
        return new LinkView(
                link.code(),
                shortUrl,
                link.destination(),
                link.disabled(),
                link.createdAt(),
                link.history(),
                scans,
                total);
    }
}
