package dev.diorama.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: 256 random bits, shown once when created ({@code dio_...}), stored only as their
 * SHA-256. A slow password hash buys nothing here: the secret is random, not chosen by a person,
 * so it cannot be guessed from its hash.
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A new key: its id (for listing and revoking) and its secret (for the Authorization header). */
    public record Created(String id, String secret) {}

    public static Created create(Store store, String name, long now) {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        String secret = "dio_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        byte[] idBits = new byte[6];
        RANDOM.nextBytes(idBits);
        String id = "key_" + HexFormat.of().formatHex(idBits);
        store.insertKey(id, name, hash(secret), secret.substring(0, 8) + "...", now);
        return new Created(id, secret);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
