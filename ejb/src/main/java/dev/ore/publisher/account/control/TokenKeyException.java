package dev.ore.publisher.account.control;

/**
 * A token cannot be encrypted or decrypted: no or a malformed key, an unknown key id, or a
 * ciphertext that does not authenticate. The message names accounts, fields and key ids only.
 */
public class TokenKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenKeyException(String message) {
        super(message, null, false, false);
    }
}
