package app.qrart.gateway.links;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a short link may lead: an http(s) URL with a host, no credentials, no whitespace or
 * control characters, at most the configured length, and not on a denied host or its subdomains.
 */
public final class LinkDestinations {

    private static final Pattern URL = Pattern.compile("^(https?)://([^/?#]*)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORBIDDEN = Pattern.compile("[\\s\\p{Cntrl}]");

    private final int maxChars;
    private final List<String> deniedHosts;

    public LinkDestinations(int maxChars, List<String> deniedHosts) {
        this.maxChars = maxChars;
        this.deniedHosts = deniedHosts.stream().map(LinkDestinations::asciiHost).toList();
    }

    public int maxChars() {
        return maxChars;
    }

    /** The destination as given when it may be one, else an {@link InvalidLinkFieldException} naming {@code field}. */
    public String check(String destination, String field) {
        if (destination == null || destination.isBlank()) {
            throw new InvalidLinkFieldException(field, "'" + field + "' is required: the link the short link leads to");
        }
        if (destination.length() > maxChars) {
            throw new InvalidLinkFieldException(
                    field, "'" + field + "' is " + destination.length() + " characters; at most " + maxChars);
        }
        if (FORBIDDEN.matcher(destination).find()) {
            throw new InvalidLinkFieldException(field, "'" + field + "' must not contain spaces or control characters");
        }
        Matcher url = URL.matcher(destination);
        if (!url.matches()) {
            throw new InvalidLinkFieldException(field, "'" + field + "' must be an http:// or https:// link");
        }
        String authority = url.group(2);
        if (authority.contains("@")) {
            throw new InvalidLinkFieldException(field, "'" + field + "' must not carry a user name or password");
        }
        String host = host(authority);
        if (host.isEmpty()) {
            throw new InvalidLinkFieldException(field, "'" + field + "' has no host");
        }
        String ascii;
        try {
            ascii = asciiHost(host);
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkFieldException(field, "'" + field + "' has a host that is not a valid name");
        }
        if (deniedHosts.stream().anyMatch(denied -> ascii.equals(denied) || ascii.endsWith("." + denied))) {
            throw new InvalidLinkFieldException(field, "links to " + host + " are not allowed on this server");
        }
        return destination;
    }

    /** The destination as an HTTP Location value: bytes outside ASCII percent-encoded. */
    public static String location(String destination) {
        StringBuilder out = new StringBuilder(destination.length());
        for (byte b : destination.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0x21 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String host(String authority) {
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? "" : authority.substring(0, end + 1);
        }
        int colon = authority.indexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static String asciiHost(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }
}
