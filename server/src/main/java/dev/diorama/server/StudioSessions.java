package dev.diorama.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The web studio's media cookie. A page sends its API key in an Authorization header with every
 * API call it makes, but a {@code <video src>}, an {@code <img src>} and an {@code EventSource}
 * cannot send headers. So the studio trades its key, once per page, for a cookie
 * ({@code POST /v1/studio/session}) that the server accepts only on the read-only media routes of
 * a video: {@code GET .../content}, {@code .../ground_truth} and {@code .../events}.
 *
 * <p>Why a cookie and not the key in the URL ({@code ?key=}): a URL ends up in histories, logs and
 * Referer headers, and the key would grant everything; the cookie is {@code HttpOnly} (no script
 * can read it), {@code SameSite=Strict} (no other site's page can make the browser send it), scoped
 * to {@code /v1/videos}, short-lived ({@link #LIFETIME}), read-only, and dies with its key's
 * revocation. It is stateless: {@code keyId.expiry.HMAC-SHA256(keyId.expiry)} under a secret drawn
 * at start-up, so a restart of the server ends every session (the page simply makes a new one).
 */
final class StudioSessions {
    static final String COOKIE = "diorama_studio";
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret = new byte[32];
    private final Clock clock;

    StudioSessions(Clock clock) {
        RANDOM.nextBytes(secret);
        this.clock = clock;
    }

    /** A cookie value for this key, valid for {@link #LIFETIME}; returns it with its expiry (Unix seconds). */
    String issue(String keyId) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = keyId + "." + expires;
        return payload + "." + sign(payload);
    }

    /** The key id the cookie was issued to, or null when it is malformed, forged or expired. */
    String verify(String cookie) {
        if (cookie == null || cookie.length() > 200) return null;
        int sig = cookie.lastIndexOf('.');
        int exp = sig < 0 ? -1 : cookie.lastIndexOf('.', sig - 1);
        if (exp <= 0) return null;
        String payload = cookie.substring(0, sig);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, cookie.substring(sig + 1).getBytes(StandardCharsets.US_ASCII))) return null;
        long expires;
        try {
            expires = Long.parseLong(cookie.substring(exp + 1, sig));
        } catch (NumberFormatException e) {
            return null;
        }
        return expires > clock.instant().getEpochSecond() ? cookie.substring(0, exp) : null;
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }
}
