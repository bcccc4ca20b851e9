package app.qrart.gateway.auth;

import java.time.LocalDate;
import java.util.List;

/** What a key's owner sees of it: its limits and its generations per UTC day, newest first. */
public record Usage(
        String keyId,
        String name,
        int perMinute,
        int dailyQuota,
        LocalDate today,
        int usedToday,
        int remainingToday,
        List<Day> days) {

    public record Day(LocalDate date, int generations) {}
}
