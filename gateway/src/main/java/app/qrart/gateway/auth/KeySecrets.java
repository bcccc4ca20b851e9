package app.qrart.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a key ({@code qrart_<id>_<secret>}: a public id to find its record, 256 random
 * bits), its hash, and a comparison in constant time. Keys are random, so a plain SHA-256 is the
 * right hash: there is nothing to guess from a dictionary.
 */
public final class KeySecrets {

    private static final String PREFIX = "qrart_";
    private static final Pattern SHAPE = Pattern.compile("qrart_([a-z0-9]{10})_([A-Za-z0-9_-]{43})");
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int ID_LENGTH = 10;
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** A key as its owner sees it once, and its parts. */
    public record Issued(String id, String key) {}

    public Issued issue() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String encoded = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(id.toString(), PREFIX + id + "_" + encoded);
    }

    /** The id a well-formed key names; empty for anything else. */
    public static Optional<String> idOf(String key) {
        Matcher matcher = SHAPE.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Whether the key hashes to the stored hash, in time independent of where they differ. */
    public static boolean matches(String key, String storedHash) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(key), expected);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
