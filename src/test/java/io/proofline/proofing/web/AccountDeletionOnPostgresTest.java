package io.proofline.proofing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.proofline.accounts.AccountDeletions;
import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.AccountsException;
import io.proofline.accounts.MethodKind;
import io.proofline.accounts.RememberedBrowsers;
import io.proofline.accounts.PasswordResets;
import io.proofline.accounts.SignInResult;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.sharing.AgencyConsents;
import io.proofline.support.DatabaseScan;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/**
 * Deleting an account leaves nothing of it in any table (ours or the engine's), lets its address sign up again, and
 * keeps the lockouts that are not the account's (by an address's or a client's fingerprint), so that deleting is
 * never a way to end a wait.
 */
@Import(VerifiedPeople.class)
class AccountDeletionOnPostgresTest extends PostgresIntegrationTest {

    static final String PASSWORD = "the password to delete with";

    @Autowired VerifiedPeople people;
    @Autowired AccountDeletions deletions;
    @Autowired Accounts accounts;
    @Autowired Journeys journeys;
    @Autowired PiiVault vault;
    @Autowired AgencyConsents consents;
    @Autowired PasswordResets passwordResets;
    @Autowired JdbcClient jdbc;
    @Autowired RememberedBrowsers remembered;

    @Test
    void aWrongPasswordDeletesNothingAndTheRightOneLeavesNoRowOfTheAccountButKeepsTheLockoutsByFingerprint() {
        VerifiedPeople.Verified person = people.aVerifiedPerson(PASSWORD);
        AccountId account = person.account();
        String agency = consentedAgency(account);
        JourneyId running = journeys.startOrResume(account).id(); // a second journey, still running
        vault.merge(running, ProofingPii.empty().withSsn(person.pii().ssn()));
        remembered.remember(account, MethodKind.BACKUP_CODES, "pwd"); // a browser that skips the second step
        passwordResets.start(person.email(), "198.51.100.23", Locale.ENGLISH); // counted by the address's fingerprint
        List<Map<String, Object>> fingerprintLockouts = countersNotOf(account);
        assertThat(fingerprintLockouts).isNotEmpty();
        assertThat(tablesHolding(account)).as("before").contains("account", "account_profile", "auth_method",
                "identity_verification", "proofing_journey", "agency_consent", "agency_identity", "sharing_event",
                "account_event", "account_session", "email_link", "remembered_browser");

        assertThatThrownBy(() -> deletions.delete(account, "not the password"))
                .isInstanceOf(AccountsException.WrongPassword.class);
        assertThat(accounts.email(account)).as("nothing deleted").contains(person.email());
        assertThat(consents.connected(account)).extracting(AgencyConsents.Connected::clientId).contains(agency);

        deletions.delete(account, PASSWORD);

        assertThat(tablesHolding(account)).as("columns named account_id, or id in account").isEmpty();
        assertThat(new DatabaseScan(jdbc).columnsHolding(account.toString())).as("any text column").isEmpty();
        assertThat(new DatabaseScan(jdbc).columnsHolding(running.toString())).as("the journey, in the engine too")
                .isEmpty();
        assertThat(vault.find(running)).isEmpty();
        assertThat(journeys.find(running)).isEmpty();
        assertThat(countersNotOf(account)).as("the lockouts by fingerprint stay").containsAll(fingerprintLockouts);
        assertThat(accounts.signIn(person.email(), PASSWORD, "203.0.113.4")).isInstanceOf(SignInResult.Rejected.class);
        assertThat(accounts.signUp(person.email(), PASSWORD)).as("the address signs up again").isNotEqualTo(account);
    }

    /** Every table with a column named account_id (whatever its type) that has a row of the account. */
    private List<String> tablesHolding(AccountId account) {
        List<String> holding = new ArrayList<>();
        jdbc.sql("""
                select table_name from information_schema.columns
                where table_schema = current_schema() and column_name = 'account_id' order by table_name""")
                .query(String.class).list().forEach(table -> {
                    long rows = jdbc.sql("select count(*) from " + table + " where cast(account_id as varchar) = ?")
                            .param(account.toString()).query(Long.class).single();
                    if (rows > 0) {
                        holding.add(table);
                    }
                });
        if (jdbc.sql("select count(*) from account where id = ?").param(account.value()).query(Long.class).single() > 0) {
            holding.add("account");
        }
        return holding;
    }

    private List<Map<String, Object>> countersNotOf(AccountId account) {
        return jdbc.sql("select subject, throttle_type, attempts from throttle_counter where subject not like ?")
                .param(account + "%").query().listOfRows();
    }

    /** An agency the person agreed to share with: its pairwise subject, an authorization, the consent and its event. */
    private String consentedAgency(AccountId account) {
        String clientId = "deletion-" + UUID.randomUUID().toString().substring(0, 8);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into agency (client_id, display_name, kind, redirect_uris, scopes, levels, created_at, updated_at)
                values (?, 'Deletion Office', 'NATIVE', 'https://agency.example/back', 'openid profile', 'verified', ?, ?)""")
                .params(clientId, now, now).update();
        jdbc.sql("insert into agency_identity (client_id, account_id, subject, created_at) values (?, ?, ?, ?)")
                .params(clientId, account.value(), UUID.randomUUID(), now).update();
        jdbc.sql("""
                insert into agency_authorization (id, client_id, principal_name, grant_type, attributes, created_at)
                values (?, ?, ?, 'authorization_code', ?, ?)""")
                .params(UUID.randomUUID().toString(), clientId, account.toString(),
                        "{\"account\":\"" + account + "\"}", now).update();
        consents.grant(account, clientId, Set.of("openid", "profile"));
        return clientId;
    }
}
