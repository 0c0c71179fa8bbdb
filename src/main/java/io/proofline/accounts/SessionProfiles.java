package io.proofline.accounts;

import java.util.Optional;

import org.springframework.stereotype.Service;

import io.proofline.crypto.PersonalKey;
import io.proofline.journey.JourneyId;
import io.proofline.vault.HeldPii;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/**
 * A verified profile decrypted for one signed-in session, for an agency's request: seed 004's "Only the user can
 * decrypt" means it opens only with their password, so it is opened when they sign in for an agency (the sign-in's
 * one derivation yields the key) or type their password again, and held sealed in the vault no longer than the
 * session lasts. Signing out forgets it.
 */
@Service
public class SessionProfiles {

    private final Profiles profiles;
    private final HeldPii held;
    private final AccountsProperties properties;
    private final PiiVault vault;

    SessionProfiles(Profiles profiles, HeldPii held, AccountsProperties properties, PiiVault vault) {
        this.profiles = profiles;
        this.vault = vault;
        this.held = held;
        this.properties = properties;
    }

    /** At a sign-in for an agency ({@link Accounts#signIn}), with the key its password derivation gave. */
    static void holdAtSignIn(HeldPii held, AccountsProperties properties, SessionToken session, ProofingPii pii) {
        held.hold(HeldPii.Holder.SIGNED_IN_SESSION, id(session), pii.toBytes(), properties.sessionTtl());
    }

    static void forget(HeldPii held, SessionToken session) {
        held.forget(HeldPii.Holder.SIGNED_IN_SESSION, id(session));
    }

    /**
     * The password typed again: the active profile is decrypted and held for the session.
     *
     * @throws AccountsException.WrongPassword, AccountsException.Locked, AccountsException.NoProfile
     */
    public void holdWithPassword(AccountId account, SessionToken session, String password) {
        hold(session, profiles.decrypt(account, password));
    }

    /**
     * The end of proofing for an agency that waits: the profile is sealed under the password ({@link
     * Profiles#encryptProfile}) and, as it leaves the journey's vault, held for this session too, so that the consent
     * page needs no second password.
     */
    public PersonalKey sealAndHold(AccountId account, JourneyId journey, SessionToken session, String password) {
        Optional<ProofingPii> pii = vault.find(journey);
        PersonalKey key = profiles.encryptProfile(account, journey, password);
        pii.ifPresent(found -> hold(session, found));
        return key;
    }

    public Optional<ProofingPii> held(SessionToken session) {
        return held.find(HeldPii.Holder.SIGNED_IN_SESSION, id(session)).map(ProofingPii::fromBytes);
    }

    /** Whether the session holds the verified profile, without opening it. */
    public boolean holds(SessionToken session) {
        return held.holds(HeldPii.Holder.SIGNED_IN_SESSION, id(session));
    }

    private void hold(SessionToken session, ProofingPii pii) {
        holdAtSignIn(held, properties, session, pii);
    }

    private static String id(SessionToken session) {
        return SessionToken.sha256("profile:" + session.value());
    }
}
