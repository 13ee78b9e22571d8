package dev.ore.publisher.admin.boundary;

import dev.ore.publisher.admin.control.AccountAttention;
import dev.ore.publisher.admin.control.AccountsNeedingAttention;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/** Accounts of all teams that need reconnecting now, or will within a window. */
@Stateless
public class Reconnections {

    @Inject
    AccountsNeedingAttention accounts;

    public List<AccountAttention> within(Duration window) {
        return accounts.within(window);
    }
}
