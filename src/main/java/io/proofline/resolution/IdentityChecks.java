package io.proofline.resolution;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Service;

import io.proofline.journey.JourneyId;
import io.proofline.vault.IdentityEvidence;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.IdempotencyKey;

/**
 * The checks of seed 004 steps 6-8: only address and SSN may differ from the ID, the details must
 * resolve to one real person, the state must confirm its ID, and a PIV/CAC holder's entered name must
 * match the card.
 */
@Service
public class IdentityChecks {

    private final IdentityResolution resolution;
    private final StateDmv dmv;
    private final PiiVault vault;

    IdentityChecks(IdentityResolution resolution, StateDmv dmv, PiiVault vault) {
        this.resolution = resolution;
        this.dmv = dmv;
        this.vault = vault;
    }

    /** With a state ID, name and DOB come from the ID: the reviewed details must still say what the ID says. */
    public boolean onlyAddressAndSsnEdited(JourneyId journey) {
        ProofingPii pii = details(journey);
        IdentityEvidence id = pii.evidence();
        if (id == null || !"STATE_ID".equals(id.source())) {
            return true; // details the person entered themselves are theirs to correct
        }
        boolean unchanged = sameName(pii.firstName(), id.firstName()) && sameName(pii.lastName(), id.lastName())
                && Objects.equals(pii.dateOfBirth(), id.dateOfBirth());
        if (!unchanged) {
            // Put back what the ID says, so the review shows it again.
            vault.update(journey, held -> held.withPerson(id.firstName(), id.lastName(), id.dateOfBirth()));
        }
        return unchanged;
    }

    public CheckOutcome resolve(JourneyId journey, IdempotencyKey key) {
        ProofingPii pii = details(journey);
        if (pii.ssn() == null || pii.firstName() == null || pii.dateOfBirth() == null) {
            return CheckOutcome.fail("DETAILS_INCOMPLETE");
        }
        return CheckOutcome.of(resolution.resolve(new ResolutionRequest(pii.firstName(), pii.lastName(),
                pii.dateOfBirth(), pii.ssn(), pii.postalAddress()), key));
    }

    public CheckOutcome confirmWithIssuingState(JourneyId journey, IdempotencyKey key) {
        IdentityEvidence id = details(journey).evidence();
        if (id == null || id.idNumber() == null) {
            return CheckOutcome.fail("NO_STATE_ID");
        }
        return CheckOutcome.of(dmv.confirm(new StateIdRequest(id.idNumber(), id.issuingState(), id.firstName(),
                id.lastName(), id.dateOfBirth(), id.expiry()), key));
    }

    /** Seed 004 PIV/CAC step 6: "We also check that the first and last name match the PIV/CAC." */
    public CheckOutcome matchCardName(JourneyId journey) {
        ProofingPii pii = details(journey);
        IdentityEvidence card = pii.evidence();
        if (card == null || !"PIV_CAC".equals(card.source())) {
            return CheckOutcome.fail("NO_CARD");
        }
        return sameName(pii.firstName(), card.firstName()) && sameName(pii.lastName(), card.lastName())
                ? CheckOutcome.pass() : CheckOutcome.fail(ResolutionFailure.NAME_DOES_NOT_MATCH_CARD.code());
    }

    /**
     * Whether a name typed for a PIV/CAC journey is the card's, so the wizard can ask for it again before the
     * {@link #matchCardName} check that counts toward the lockout. True when there is no card to compare with.
     */
    public boolean typedNameMatchesCard(JourneyId journey, String firstName, String lastName) {
        IdentityEvidence card = details(journey).evidence();
        return card == null || !"PIV_CAC".equals(card.source())
                || sameName(firstName, card.firstName()) && sameName(lastName, card.lastName());
    }

    private ProofingPii details(JourneyId journey) {
        return vault.find(journey).orElseGet(ProofingPii::empty);
    }

    /** Case, accents and spacing do not make two names different. */
    static boolean sameName(String a, String b) {
        return a != null && b != null && fold(a).equals(fold(b));
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    }
}
