package dev.ore.publisher.account.boundary;

import dev.ore.publisher.account.control.TokenCipher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Fails the deployment when no usable token key is configured: a server that cannot decrypt
 * tokens would only fail later, one publish at a time. The message names the config keys to set.
 */
@Singleton
@Startup
public class TokenKeyCheck {

    private static final Logger LOG = Logger.getLogger(TokenKeyCheck.class.getName());

    @Inject
    TokenCipher cipher;

    @PostConstruct
    void requireKey() {
        LOG.info(() -> "Token encryption ready: keys " + cipher.keyring().keyIds() + ", active "
                + cipher.keyring().activeKey());
    }
}
