package io.proofline.sharing;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.proofline.accounts.AccountDeleted;
import io.proofline.vault.HeldPii;

/**
 * A deleted account shares nothing any more and leaves no trace with the agencies' side of the service: its consents,
 * its pairwise subjects (a new account of the same person gets new ones), its sharing events, and its authorizations
 * with what they released, held in the vault.
 */
@Component
class DeletedAccountSharing {

    private final JdbcClient jdbc;
    private final HeldPii held;

    DeletedAccountSharing(JdbcClient jdbc, HeldPii held) {
        this.jdbc = jdbc;
        this.held = held;
    }

    /** In the deletion's transaction: see {@link AccountDeleted}. */
    @EventListener
    void forget(AccountDeleted deleted) {
        var account = deleted.account().value();
        // An authorization names its person as the principal and inside its attributes (AgencyAuthorizations).
        String principal = deleted.account().toString();
        List<String> authorizations = jdbc.sql("""
                select id from agency_authorization where principal_name = :principal or attributes like :named""")
                .param("principal", principal).param("named", "%" + principal + "%").query(String.class).list();
        authorizations.forEach(id -> held.forget(HeldPii.Holder.AGENCY_RELEASE, id));
        jdbc.sql("delete from agency_authorization where principal_name = :principal or attributes like :named")
                .param("principal", principal).param("named", "%" + principal + "%").update();
        jdbc.sql("delete from agency_consent where account_id = :account").param("account", account).update();
        jdbc.sql("delete from agency_identity where account_id = :account").param("account", account).update();
        jdbc.sql("delete from sharing_event where account_id = :account").param("account", account).update();
    }
}
