package app.qrart.gateway.links;

import app.qrart.gateway.config.LinkConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Scans counted in memory per link, UTC day and platform, and added to the record store as
 * increments every {@code qrart.links.flush-interval} and on a graceful stop, so a redirect never
 * waits for a write and many replicas count into one record. A crash loses at most one interval;
 * while the store is down counts wait in memory up to {@code max-pending-counts} entries, then new
 * ones are dropped (and logged).
 */
@ApplicationScoped
public class ScanCounter {

    private static final Logger LOG = Logger.getLogger(ScanCounter.class);

    private final LinkRepository repository;
    private final LinkConfig config;
    private final List<String> bots;
    private final ConcurrentHashMap<LinkRepository.ScanKey, Long> pending = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();

    public ScanCounter(LinkRepository repository, LinkConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.config = config;
        this.registry = registry;
        this.bots = config.previewBots().stream()
                .map(bot -> bot.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Whether a visit by this User-Agent is a person's scan (link-preview bots are not). */
    public boolean isScan(String userAgent) {
        if (userAgent == null) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return bots.stream().noneMatch(agent::contains);
    }

    /** One scan of a stored code by a device with this User-Agent. */
    public void count(String code, String userAgent) {
        LinkRepository.ScanKey key =
                new LinkRepository.ScanKey(code, LocalDate.now(clock.withZone(ZoneOffset.UTC)), Platform.of(userAgent));
        add(key, 1L);
    }

    @Scheduled(every = "${qrart.links.flush-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<LinkRepository.ScanKey, Long> batch = new HashMap<>();
        for (LinkRepository.ScanKey key : pending.keySet()) {
            Long count = pending.remove(key);
            if (count != null) {
                batch.put(key, count);
            }
        }
        try {
            repository.addScans(batch);
        } catch (RuntimeException e) {
            LOG.warnf("%d scan counts not stored yet, kept for the next flush: %s", batch.size(), e.getMessage());
            batch.forEach(this::add);
        }
    }

    void flushOnStop(@Observes ShutdownEvent event) {
        flush();
    }

    private void add(LinkRepository.ScanKey key, long count) {
        if (pending.size() >= config.maxPendingCounts() && !pending.containsKey(key)) {
            registry.counter("qrart.links.scans.dropped").increment(count);
            LOG.warnf("scan counts dropped: %d waiting for the record store already", pending.size());
            return;
        }
        pending.merge(key, count, Long::sum);
    }
}
