package dev.ore.publisher.account.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for tokens at rest. Every key in the ring decrypts; only the active one encrypts.
 * A stored value is {@code keyId:base64(nonce‖ciphertext‖tag)} with a fresh 96-bit nonce each
 * time. The account id and the field name are the associated data: a ciphertext copied to
 * another row, or from the access-token column to the refresh-token column, does not decrypt.
 * No message of this class ever carries key material or a token.
 */
public final class TokenKeyring {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One decrypting cipher per thread, initialised again for every value: looking a cipher up
     * and expanding the key for each publish cost 4–7 % of the worker's CPU, and a cipher
     * initialised with the key it had before keeps its key schedule. Only decryption reuses a
     * cipher (GCM forbids encrypting twice with one nonce, which a fresh cipher guards against).
     * The cipher is a JDK class, so the thread local holds nothing of the deployment's.
     */
    private static final ThreadLocal<Cipher> DECRYPTERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new TokenKeyException("AES/GCM is not available (" + e.getClass().getSimpleName() + ")");
        }
    });

    private final Map<String, SecretKeySpec> keys;
    private final String activeKey;

    public TokenKeyring(Map<String, byte[]> keys, String activeKey) {
        if (keys.isEmpty()) {
            throw new TokenKeyException("no token encryption key is configured");
        }
        Map<String, SecretKeySpec> ring = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id.isBlank() || id.contains(":")) {
                throw new TokenKeyException("token key ids must be non-blank and free of ':'");
            }
            if (key.length != 32) {
                throw new TokenKeyException("token key " + id + " must be 32 bytes (AES-256), base64-encoded");
            }
            ring.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!ring.containsKey(activeKey)) {
            throw new TokenKeyException("the active token key " + activeKey + " is not among the configured keys "
                    + ring.keySet());
        }
        this.keys = Map.copyOf(ring);
        this.activeKey = activeKey;
    }

    /**
     * Reads {@code id=base64key,id2=base64key}; the active key defaults to the only one when
     * there is exactly one.
     */
    public static TokenKeyring parse(String keyList, String activeKey) {
        if (keyList == null || keyList.isBlank()) {
            throw new TokenKeyException("no token encryption key is configured");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : keyList.split(",")) {
            String trimmed = entry.trim();
            int split = trimmed.indexOf('=');
            if (split <= 0) {
                throw new TokenKeyException("token keys must read id=base64key[,id=base64key…]");
            }
            String id = trimmed.substring(0, split).trim();
            try {
                keys.put(id, Base64.getDecoder().decode(trimmed.substring(split + 1).trim()));
            } catch (IllegalArgumentException notBase64) {
                throw new TokenKeyException("token key " + id + " is not valid base64");
            }
        }
        String active = activeKey == null || activeKey.isBlank()
                ? (keys.size() == 1 ? keys.keySet().iterator().next() : null)
                : activeKey.trim();
        if (active == null) {
            throw new TokenKeyException("several token keys are configured but no active one");
        }
        return new TokenKeyring(keys, active);
    }

    public String activeKey() {
        return activeKey;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    public String encrypt(UUID accountId, String field, String clearText) {
        Objects.requireNonNull(clearText, "clearText");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(accountId, field));
            byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return activeKey + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new TokenKeyException("cannot encrypt the " + field + " of account " + accountId + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    public String decrypt(UUID accountId, String field, String stored) {
        if (stored == null || stored.isEmpty()) {
            throw new TokenKeyException("account " + accountId + " holds no " + field);
        }
        int split = stored.indexOf(':');
        if (split <= 0) {
            throw new TokenKeyException("the " + field + " of account " + accountId + " is not in keyId:ciphertext form");
        }
        String keyId = stored.substring(0, split);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new TokenKeyException("the " + field + " of account " + accountId + " was encrypted with key "
                    + keyId + ", which is not configured");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(split + 1));
        } catch (IllegalArgumentException e) {
            throw new TokenKeyException("the " + field + " of account " + accountId + " is not valid base64");
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TokenKeyException("the " + field + " of account " + accountId + " is too short to be a ciphertext");
        }
        try {
            Cipher cipher = DECRYPTERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(accountId, field));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TokenKeyException("the " + field + " of account " + accountId
                    + " does not authenticate: tampered, or moved from another account or field");
        } catch (GeneralSecurityException e) {
            throw new TokenKeyException("cannot decrypt the " + field + " of account " + accountId + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Whether a stored value is already under the active key (re-encryption skips it). */
    public boolean isUnderActiveKey(String stored) {
        return stored != null && stored.startsWith(activeKey + ":");
    }

    /** Decrypts with whichever key sealed it and seals again with the active key. */
    public String reencrypt(UUID accountId, String field, String stored) {
        return encrypt(accountId, field, decrypt(accountId, field, stored));
    }

    private static byte[] associatedData(UUID accountId, String field) {
        return (accountId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }
}
