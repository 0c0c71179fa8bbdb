package io.proofline.proofing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.test.context.TestComponent;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.IdentityVerifications;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.SecondFactors;
import io.proofline.accounts.SignInResult;
import io.proofline.crypto.PersonalKey;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/** People verified through the services, as a finished state ID journey leaves them, for pages that come after. */
@TestComponent
class VerifiedPeople {

    record Verified(AccountId account, String email, ProofingPii pii, PersonalKey personalKey, List<String> backupCodes) {
    }

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final Profiles profiles;
    private final Journeys journeys;
    private final PiiVault vault;
    private final IdentityVerifications verifications;

    VerifiedPeople(Accounts accounts, SecondFactors secondFactors, Profiles profiles, Journeys journeys, PiiVault vault,
            IdentityVerifications verifications) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.profiles = profiles;
        this.journeys = journeys;
        this.vault = vault;
        this.verifications = verifications;
    }

    /** Verified on the state ID path, with backup codes as the second method and the journey's process ended. */
    Verified aVerifiedPerson(String password) {
        String email = "verified." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AccountId account = accounts.signUp(email, password);
        var session = ((SignInResult.SignedIn) accounts.signIn(email, password, "203.0.113.4")).session();
        List<String> codes = secondFactors.addBackupCodes(account, session);
        ProofingPii pii = new ProofingPii("Oriel", "Fenwick-Tarr", LocalDate.of(1958, 3, 14), "9 Birch Ln", "Helena",
                "MT", "59601", "900-" + ThreadLocalRandom.current().nextInt(10, 100) + "-"
                        + ThreadLocalRandom.current().nextInt(1000, 10000), "+1 406 555 0142");
        JourneyId journey = journeys.startOrResume(account).id();
        vault.merge(journey, pii);
        PersonalKey key = profiles.encryptProfile(account, journey, password);
        verifications.markVerified(account, journey, "STATE_ID");
        journeys.abandon(account); // its process ends, as a finished journey's has
        return new Verified(account, email, pii, key, codes);
    }
}
