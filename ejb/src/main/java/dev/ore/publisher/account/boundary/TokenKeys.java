package dev.ore.publisher.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The operator's handle on token keys: move every stored token to the active key now. */
@Stateless
public class TokenKeys {

    @Inject
    TokenSweep sweep;

    /**
     * Re-encrypts in batches, each its own transaction, until nothing is left under an old key;
     * returns how many accounts moved.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int reencryptAll() {
        int total = 0;
        int moved;
        do {
            moved = sweep.reencrypt(500);
            total += moved;
        } while (moved == 500);
        return total;
    }
}
