package app.qrart.gateway.links;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A short link: its code, where it leads, who may change it (the API key that made it, or the
 * holder of its edit token, kept only as a hash), whether it is switched off, and every change
 * with its time (the first entry is the creation).
 */
public record ShortLink(
        String code,
        String destination,
        String ownerKeyId,
        String editTokenHash,
        boolean disabled,
        Instant createdAt,
        List<Change> history) {

    public ShortLink {
        history = List.copyOf(history);
    }

    /** One change: the destination from then on and whether the link answered. */
    public record Change(Instant at, String destination, boolean disabled) {}

    static ShortLink created(String code, String destination, String ownerKeyId, String editTokenHash, Instant now) {
        return new ShortLink(
                code, destination, ownerKeyId, editTokenHash, false, now, List.of(new Change(now, destination, false)));
    }

    ShortLink leadingTo(String next, Instant now) {
        return changed(next, disabled, editTokenHash, now);
    }

    ShortLink switched(boolean off, Instant now) {
        return changed(destination, off, editTokenHash, now);
    }

    ShortLink withEditTokenHash(String hash) {
        return new ShortLink(code, destination, ownerKeyId, hash, disabled, createdAt, history);
    }

    /** Changes made on a UTC day, the creation left out. */
    long changesOn(LocalDate day) {
        return history.stream()
                .skip(1)
                .filter(change ->
                        LocalDate.ofInstant(change.at(), ZoneOffset.UTC).equals(day))
                .count();
    }

    private ShortLink changed(String next, boolean off, String tokenHash, Instant now) {
        List<Change> changes = new ArrayList<>(history);
        changes.add(new Change(now, next, off));
        return new ShortLink(code, next, ownerKeyId, tokenHash, off, createdAt, changes);
    }
}
