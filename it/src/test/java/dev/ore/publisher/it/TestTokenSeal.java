package dev.ore.publisher.it;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens tokens as the server stores them ({@code keyId:base64(nonce‖ciphertext‖tag)},
 * AES-256-GCM, associated data {@code accountId|field}), with the test keys the test server
 * gets ({@code test.token.keys}). Written independently of the server's code, so it also pins
 * the stored format.
 */
public final class TestTokenSeal {

    public static final String ACCESS_TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";

    private TestTokenSeal() {
    }

    public static String seal(UUID account, String field, String token) {
        return seal(System.getProperty("test.token.active-key"), account, field, token);
    }

    /** Under a key that need not be the active one, as before a key rotation. */
    public static String seal(String keyId, UUID account, String field, String token) {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(keyId), new GCMParameterSpec(128, nonce));
            cipher.updateAAD((account + "|" + field).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return keyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a test token", e);
        }
    }

    public static String open(UUID account, String field, String stored) {
        int split = stored.indexOf(':');
        byte[] sealed = Base64.getDecoder().decode(stored.substring(split + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(stored.substring(0, split)), new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD((account + "|" + field).getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a stored token of account " + account, e);
        }
    }

    private static SecretKeySpec key(String keyId) {
        Map<String, String> keys = new HashMap<>();
        for (String entry : System.getProperty("test.token.keys").split(",")) {
            int split = entry.indexOf('=');
            keys.put(entry.substring(0, split).trim(), entry.substring(split + 1).trim());
        }
        return new SecretKeySpec(Base64.getDecoder().decode(keys.get(keyId)), "AES");
    }
}
