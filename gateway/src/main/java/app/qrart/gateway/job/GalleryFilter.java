package app.qrart.gateway.job;

import java.util.Locale;

/** Which done jobs a gallery page shows: those whose prompt contains the text (any case), of one kind or all. */
public record GalleryFilter(String promptContains, JobKind kind) {

    public static final GalleryFilter ALL = new GalleryFilter(null, null);

    /** Whether every done job passes (a page then needs only as many records as it shows). */
    public boolean passesAll() {
        return kind == null && (promptContains == null || promptContains.isEmpty());
    }

    public boolean matches(Generation generation) {
        String needle = promptContains == null ? "" : promptContains.toLowerCase(Locale.ROOT);
        return (kind == null || generation.kind() == kind)
                && generation.parameters().prompt().toLowerCase(Locale.ROOT).contains(needle);
    }
}
