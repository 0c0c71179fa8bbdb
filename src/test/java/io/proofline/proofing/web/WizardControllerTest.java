package io.proofline.proofing.web;

import static io.proofline.web.FormPosts.withFormToken;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.AccountsException;
import io.proofline.accounts.AccountsProperties;
import io.proofline.accounts.IdentityVerifications;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.address.AddressPolicy;
import io.proofline.address.InPersonProofing;
import io.proofline.address.LetterVerification;
import io.proofline.address.PhoneVerification;
import io.proofline.crypto.PersonalKeys;
import io.proofline.crypto.SessionEncryptor;
import io.proofline.documents.DocumentCheck;
import io.proofline.documents.DocumentsProperties;
import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;
import io.proofline.journey.JourneyStep.Check;
import io.proofline.journey.ProcessIds.Outcome;
import io.proofline.pivcac.CardReaderPort;
import io.proofline.pivcac.CertificateCheck;
import io.proofline.pivcac.web.CardHandOffs;
import io.proofline.proofing.Journey;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.Journeys;
import io.proofline.proofing.StaleStepException;
import io.proofline.resolution.IdentityChecks;
import io.proofline.throttle.ThrottleProperties;
import io.proofline.vault.PiiVault;
import io.proofline.web.LocalTimes;
import io.proofline.web.WebSecurity;

/**
 * The wizard's answers to where the engine says a journey stands, with the engine and the services
 * replaced: the states a browser test cannot bring about on demand (a check that runs on and on, an
 * incident) and the forms that arrive for a step the journey is not at.
 */
@WebMvcTest(controllers = WizardController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "io\\.proofline\\.[a-z]+\\.web\\..*"))
@Import(WebSecurity.class)
class WizardControllerTest {

    static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    static final JourneyId JOURNEY = JourneyId.random();

    @Autowired MockMvc mvc;
    @MockitoBean SignedInAccounts signedIn;
    @MockitoBean Journeys journeys;
    @MockitoBean JourneyEngine engine;
    @MockitoBean PiiVault vault;
    @MockitoBean DocumentCheck documents;
    @MockitoBean PhoneVerification phones;
    @MockitoBean LetterVerification letters;
    @MockitoBean InPersonProofing inPerson;
    @MockitoBean Profiles profiles;
    @MockitoBean SessionEncryptor sessionEncryptor;
    @MockitoBean IdentityVerifications verifications;
    @MockitoBean CardReaderPort cardReaderPort;
    @MockitoBean CardHandOffs cardHandOffs;
    @MockitoBean PausedPaths pausedPaths;
    @MockitoBean IdentityChecks identityChecks;
    @MockitoBean CertificateCheck certificates;
    @MockitoBean AddressPolicy addressPolicy;
    @MockitoBean Accounts accounts;
    @MockitoBean io.proofline.accounts.SecondFactors secondFactors;
    @MockitoBean io.proofline.accounts.RememberedBrowsers rememberedBrowsers;
    @MockitoBean io.proofline.accounts.SignUps signUps;
    @MockitoBean io.proofline.accounts.PasswordResets passwordResets;
    @MockitoBean io.proofline.accounts.AccountHistory accountHistory;
    @MockitoBean io.proofline.accounts.AccountDeletions accountDeletions;
    @MockitoBean org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations relyingParty;
    @MockitoBean org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository creationOptions;
    @MockitoBean AccountsProperties accountsProperties;
    @MockitoBean io.proofline.sharing.ConsentRequests consentRequests;
    @MockitoBean io.proofline.sharing.AgencyConsents agencyConsents;
    @MockitoBean io.proofline.sharing.SharingEvents sharingEvents;
    @MockitoBean io.proofline.sharing.Agencies agencies;
    @MockitoBean io.proofline.analytics.JourneyBuckets journeyBuckets;

    /** The lockout lengths and the photo limits as application.yml sets them (the seeds' values). */
    @TestConfiguration
    @EnableConfigurationProperties({ThrottleProperties.class, DocumentsProperties.class})
    static class Policy {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @BeforeEach
    void signedInWithAJourney() {
        when(signedIn.of(any())).thenReturn(Optional.of(ACCOUNT));
        when(journeys.startOrResume(ACCOUNT))
                .thenReturn(new Journey(JOURNEY, ACCOUNT, "instance", Instant.now()));
        when(verifications.verifiedAt(any())).thenReturn(Optional.empty());
        when(identityChecks.typedNameMatchesCard(any(), any(), any())).thenReturn(true);
        when(addressPolicy.letterCodeValidity()).thenReturn(Duration.ofDays(30));
        // what the steps before gathered waits in the vault (a test of a lost vault says otherwise)
        when(vault.holds(JOURNEY)).thenReturn(true);
    }

    @Test
    void withoutASessionTheWizardSendsThePersonToSignIn() throws Exception {
        when(signedIn.of(any())).thenReturn(Optional.empty());
        mvc.perform(get("/verify")).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(post("/verify/EnterSsn").with(withFormToken()).param("ssn", "900-12-3456")).andExpect(redirectedUrl("/sign-in"));
        verify(vault, never()).update(any(), any());
    }

    @Test
    void aCheckThatRunsOnReloadsThePageWithoutJavaScriptThenSaysItTakesLongerThanUsual() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.CHECKING, "AuthenticateDocument"));

        mvc.perform(get("/verify"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("We are checking your information")))
                .andExpect(content().string(containsString(
                        "<noscript><meta http-equiv=\"refresh\" content=\"0;url=/verify?checkingSince=")))
                .andExpect(content().string(not(containsString("id=\"taking-long\""))));

        long aMinuteAgo = Instant.now().getEpochSecond() - 61;
        mvc.perform(get("/verify").param("checkingSince", Long.toString(aMinuteAgo)))
                .andExpect(content().string(containsString("id=\"taking-long\"")))
                .andExpect(content().string(containsString("<h2 class=\"usa-alert__heading\">This is taking longer than usual")))
                .andExpect(content().string(containsString("checkingSince=" + aMinuteAgo)))
                .andExpect(content().string(containsString("data-waited-seconds=\"6")));
    }

    /** Seen in full runs: the engine had ended the journey, the page looked before the verification was seen. */
    @Test
    void aJourneyEndedButNotYetSeenVerifiedShowsTheCheckingPageNeverNotVerified() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.ENDED, null));
        when(engine.endEvent(JOURNEY)).thenReturn(Optional.of("VerifiedAtIal2"));
        mvc.perform(get("/verify?lang=en"))
                .andExpect(content().string(containsString("We are checking your information")))
                .andExpect(content().string(not(containsString("We could not verify"))));

        when(verifications.verifiedAt(ACCOUNT)).thenReturn(Optional.of(Instant.now()));
        mvc.perform(get("/verify")).andExpect(content().string(containsString("Your identity is verified")));
    }

    @Test
    void aJourneyThatEndedAtAFailureSaysSoAndOffersAWayForward() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.ENDED, null));
        when(engine.endEvent(JOURNEY)).thenReturn(Optional.of("NotVerifiedInPerson"));
        mvc.perform(get("/verify?lang=fr"))
                .andExpect(content().string(containsString("Nous n’avons pas pu vérifier votre identité")))
                .andExpect(content().string(containsString("action=\"/verify/start-again\"")));

        // the next visit, the journey closed: the same page, not a new journey's first step
        clearInvocations(journeys);
        when(journeys.active(ACCOUNT)).thenReturn(Optional.empty());
        when(journeys.latest(ACCOUNT))
                .thenReturn(Optional.of(new Journey(JOURNEY, ACCOUNT, "instance", Instant.now())));
        mvc.perform(get("/verify?lang=en")).andExpect(content().string(containsString("You can start again now")));
        verify(journeys, never()).startOrResume(any());
        mvc.perform(post("/verify/start-again").with(withFormToken())).andExpect(redirectedUrl("/verify"));
        verify(journeys).startOrResume(ACCOUNT);
    }

    @Test
    void anExpiredLetterCodeSaysWhenItStoppedWorkingAndHowLongTheNewLettersCodeWorks() throws Exception {
        Instant expired = Instant.parse("2026-03-01T12:00:00Z");
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "RequestNewLetter"));
        when(letters.latestCodeExpiry(JOURNEY)).thenReturn(Optional.of(expired));
        when(addressPolicy.letterCodeValidity()).thenReturn(Duration.ofDays(30));
        mvc.perform(get("/verify?lang=fr"))
                .andExpect(content().string(containsString("Votre code a expiré")))
                .andExpect(content().string(containsString("a expiré le "
                        + LocalTimes.dateAndTime(expired, Locale.FRENCH) + ". Il ne fonctionne plus.")))
                .andExpect(content().string(containsString("valable 30 jours à partir de son envoi")));

        when(letters.latestCodeExpiry(JOURNEY)).thenReturn(Optional.empty());
        when(addressPolicy.letterCodeValidity()).thenReturn(Duration.ofDays(1));
        mvc.perform(get("/verify?lang=en"))
                .andExpect(content().string(containsString("The code in the letter we mailed you has expired. It no longer works.")))
                .andExpect(content().string(containsString("The new code works for 1 day from the day we mail it.")));
    }

    @Test
    void theCheckingPagesScriptIsToldWhetherACheckStillRunsAndNothingElse() throws Exception {
        when(journeys.active(ACCOUNT))
                .thenReturn(Optional.of(new Journey(JOURNEY, ACCOUNT, "instance", Instant.now())));
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.CHECKING, "AuthenticateDocument"));
        mvc.perform(get("/verify/status")).andExpect(status().isOk())
                .andExpect(content().json("{\"checking\":true}", true));

        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "EnterSsn"));
        mvc.perform(get("/verify/status")).andExpect(content().json("{\"checking\":false}", true));

        when(signedIn.of(any())).thenReturn(Optional.empty());
        mvc.perform(get("/verify/status")).andExpect(content().json("{\"checking\":false}", true));
        verify(journeys, never()).startOrResume(any());
    }

    @Test
    void anIncidentSaysTheServiceIsUnavailableAndThatItDidNotCount() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.UNAVAILABLE, "AuthenticateDocument"));
        mvc.perform(get("/verify?lang=fr"))
                .andExpect(content().string(containsString("Le service est temporairement indisponible")))
                .andExpect(content().string(containsString("ne compte pas contre vous")));
    }

    @Test
    void aNewLetterIsRequestedOnlyWithThePasswordWhichOpensThePendingProfile() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "RequestNewLetter"));
        when(letters.latestCodeExpiry(JOURNEY)).thenReturn(Optional.empty());

        mvc.perform(post("/verify/RequestNewLetter").with(withFormToken()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter your password to send a new letter")));
        verify(letters, never()).requestNewLetter(any(), any(), any());
        verify(engine, never()).completeStep(any(), anyString(), anyMap());

        mvc.perform(post("/verify/RequestNewLetter").with(withFormToken()).param("password", "a good long password"))
                .andExpect(redirectedUrl("/verify"));
        verify(letters).requestNewLetter(ACCOUNT, JOURNEY, "a good long password");
        verify(engine).completeStep(eq(JOURNEY), eq("RequestNewLetter"), anyMap());
    }

    @Test
    void aFormForAnotherStepChangesNothingAndShowsTheCurrentStep() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "ReviewDetails"));
        mvc.perform(post("/verify/EnterSsn").with(withFormToken()).param("ssn", "900-12-3456")).andExpect(redirectedUrl("/verify"));
        mvc.perform(post("/verify/ChooseProofingPath").with(withFormToken()).param("proofingPath", "STATE_ID"))
                .andExpect(redirectedUrl("/verify"));
        verify(vault, never()).update(any(), any());
        verify(engine, never()).completeStep(any(), anyString(), anyMap());
    }

    @Test
    void aSecondTabThatLosesTheRaceIsShownTheCurrentStep() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "ChooseAddressMethod"));
        doThrow(new StaleStepException(JOURNEY, "ChooseAddressMethod")).when(engine)
                .completeStep(eq(JOURNEY), eq("ChooseAddressMethod"), anyMap());
        mvc.perform(post("/verify/ChooseAddressMethod").with(withFormToken()).param("addressMethod", "PHONE"))
                .andExpect(redirectedUrl("/verify"));
    }

    @Test
    void onlyTheChoiceGoesToTheEngineAndAForgedChoiceIsRefused() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "ChooseProofingPath"));
        mvc.perform(post("/verify/ChooseProofingPath").with(withFormToken()).param("proofingPath", "SKIP_EVERYTHING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose how you want to verify your identity.")));
        verify(engine, never()).completeStep(any(), anyString(), anyMap());

        mvc.perform(post("/verify/ChooseProofingPath").with(withFormToken()).param("proofingPath", "IN_PERSON"))
                .andExpect(redirectedUrl("/verify"));
        verify(engine).completeStep(JOURNEY, "ChooseProofingPath", Map.of("proofingPath", "IN_PERSON"));
    }

    @Test
    void whereCardsCannotBeReadTheCardIsNotOfferedAndNotTaken() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "ChooseProofingPath"));
        when(cardHandOffs.available()).thenReturn(false);
        mvc.perform(get("/verify")).andExpect(content().string(not(containsString("proofingPath-PIV_CAC"))))
                .andExpect(content().string(containsString("proofingPath-IN_PERSON")));
        mvc.perform(post("/verify/ChooseProofingPath").with(withFormToken()).param("proofingPath", "PIV_CAC"))
                .andExpect(status().isOk());
        verify(engine, never()).completeStep(any(), anyString(), anyMap());

        when(cardHandOffs.available()).thenReturn(true);
        mvc.perform(get("/verify")).andExpect(content().string(containsString("proofingPath-PIV_CAC")));
        mvc.perform(post("/verify/ChooseProofingPath").with(withFormToken()).param("proofingPath", "PIV_CAC"))
                .andExpect(redirectedUrl("/verify"));
        verify(engine).completeStep(JOURNEY, "ChooseProofingPath", Map.of("proofingPath", "PIV_CAC"));
    }

    @Test
    void theTriesLeftSayHowLongTheStepWouldBeLocked() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(new JourneyStep(JourneyStep.Kind.TASK, "EnterLetterCode", null, 4,
                new Check(Outcome.FAIL, List.of())));
        mvc.perform(get("/verify?lang=en"))
                .andExpect(content().string(containsString("You have 4 tries left before this step is locked for 10 minutes.")));

        when(engine.currentStep(JOURNEY)).thenReturn(new JourneyStep(JourneyStep.Kind.TASK, "UploadDocuments", null, 1,
                new Check(Outcome.FAIL, List.of())));
        mvc.perform(get("/verify?lang=fr"))
                .andExpect(content().string(containsString("Il vous reste 1 essai avant que cette étape soit bloquée pendant 24 heures.")));
    }

    @Test
    void aRefusedCardOrIdSaysWhatToDoAboutItInThePersonsLanguage() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(new JourneyStep(JourneyStep.Kind.TASK, "ConnectCard", null, 2,
                new Check(Outcome.FAIL, List.of("CERTIFICATE_REVOKED"))));
        mvc.perform(get("/verify"))
                .andExpect(content().string(containsString("Your card’s certificate has been revoked")))
                .andExpect(content().string(containsString("You have 2 tries left")));

        when(engine.currentStep(JOURNEY)).thenReturn(new JourneyStep(JourneyStep.Kind.TASK, "UploadDocuments", null, 3,
                new Check(Outcome.FAIL, List.of("IMAGE_GLARE", "FACE_MISMATCH"))));
        mvc.perform(get("/verify?lang=fr"))
                .andExpect(content().string(containsString("elle comporte un reflet")))
                .andExpect(content().string(containsString("sans lunettes ni chapeau")));

        when(engine.currentStep(JOURNEY)).thenReturn(new JourneyStep(JourneyStep.Kind.TASK, "UploadDocuments", null, 3,
                new Check(Outcome.VENDOR_ERROR, List.of("TIMEOUT"))));
        mvc.perform(get("/verify?lang=en"))
                .andExpect(content().string(not(containsString("failure-advice"))))
                .andExpect(content().string(containsString("This did not count against you")));
    }

    /** A review of the security of the embedded default put a 1.5 MB first name into the vault. */
    @Test
    void anOversizedFieldOrAControlCharacterIsRefusedWithItsMessageAndKeepsTheOtherFields() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "EnterIdDetails"));
        mvc.perform(post("/verify/EnterIdDetails").with(withFormToken()).param("firstName", "A".repeat(1_500_000))
                        .param("lastName", "Lovelace").param("dateOfBirth", "1815-12-10").param("street", "12 St James\u0000s Sq")
                        .param("city", "London").param("state", "MT").param("zip", "59601").param("ssn", "900-12-3456"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"firstName-error\">This is longer than we accept.")))
                .andExpect(content().string(containsString("id=\"street-error\">Remove the invisible or control characters")))
                .andExpect(content().string(containsString("value=\"Lovelace\"")));
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "EnterOneTimeCode"));
        mvc.perform(post("/verify/EnterOneTimeCode").with(withFormToken()).param("code", "1".repeat(5000)))
                .andExpect(content().string(containsString("id=\"code-error\">This is longer than we accept.")));
        verify(vault, never()).update(any(), any());
        verify(phones, never()).verifyCode(any(), any());
        verify(engine, never()).completeStep(any(), anyString(), anyMap());
    }

    @Test
    void aStepWhoseEarlierDetailsTheVaultLostSaysSoAndCompletesNothing() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "ReviewDetails"));
        when(vault.holds(JOURNEY)).thenReturn(false);

        mvc.perform(get("/verify?lang=en"))
                .andExpect(content().string(containsString("id=\"details-lost\"")))
                .andExpect(content().string(containsString("action=\"/verify/start-over\"")));
        mvc.perform(post("/verify/ReviewDetails").with(withFormToken()).param("firstName", "Ada"))
                .andExpect(redirectedUrl("/verify"));
        verify(engine, never()).completeStep(any(), anyString(), anyMap());
    }

    /** Issue: a browser without the personal key's cookie confirmed the step with any value. */
    @Test
    void thePersonalKeyStepRefusesAWrongKeyEvenWithoutTheCookie() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "SavePersonalKey"));
        doThrow(AccountsException.WrongPersonalKey.class).when(profiles).confirmPersonalKey(ACCOUNT, "AAAA-AAAA-AAAA-AAAA");

        mvc.perform(post("/verify/SavePersonalKey").with(withFormToken()).param("personalKey", "AAAA-AAAA-AAAA-AAAA"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("That is not your personal key")));
        verify(engine, never()).completeStep(any(), anyString(), anyMap());

        mvc.perform(post("/verify/SavePersonalKey").with(withFormToken()).param("personalKey", "0123-abcd-1111-wxyz"))
                .andExpect(redirectedUrl("/verify"));
        verify(profiles).confirmPersonalKey(ACCOUNT, "0123-abcd-1111-wxyz");
        verify(engine).completeStep(JOURNEY, "SavePersonalKey", Map.of());
    }

    @Test
    void tooManyWrongPersonalKeysSayWhenToTryAgainInThePersonsLanguage() throws Exception {
        Instant until = Instant.parse("2026-11-23T09:45:00Z");
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "SavePersonalKey"));
        AccountsException.Locked locked = org.mockito.Mockito.mock(AccountsException.Locked.class);
        when(locked.until()).thenReturn(until);
        doThrow(locked).when(profiles).confirmPersonalKey(any(), any());

        mvc.perform(post("/verify/SavePersonalKey?lang=fr").with(withFormToken()).param("personalKey", "AAAA-AAAA-AAAA-AAAA"))
                .andExpect(content().string(containsString(
                        "Vous pourrez réessayer après le " + LocalTimes.dateAndTime(until, Locale.FRENCH))));
        verify(engine, never()).completeStep(any(), anyString(), anyMap());
    }

    @Test
    void thePersonalKeyIsShownOnceAndAReloadSaysItWasShownAndOffersANewOne() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "SavePersonalKey"));
        when(sessionEncryptor.decrypt(eq("sealed-key"), any())).thenReturn("0123ABCD1111WXYZ".getBytes());

        mvc.perform(get("/verify").cookie(new jakarta.servlet.http.Cookie("proofline-personal-key", "sealed-key")))
                .andExpect(content().string(containsString("0123-ABCD-1111-WXYZ")))
                .andExpect(header().stringValues("Set-Cookie", hasItem(allOf(containsString("proofline-personal-key=;"),
                        containsString("Max-Age=0")))));

        // the reload: the browser has dropped the cookie, as it was told to
        mvc.perform(get("/verify"))
                .andExpect(content().string(not(containsString("0123-ABCD-1111-WXYZ"))))
                .andExpect(content().string(containsString("We show your personal key only once")))
                .andExpect(content().string(containsString("id=\"new-personal-key\"")));
        mvc.perform(get("/verify?lang=fr"))
                .andExpect(content().string(containsString("Nous n’affichons votre clé personnelle qu’une seule fois")));
    }

    @Test
    void aNewPersonalKeyNeedsThePasswordAndIsThenShownOnce() throws Exception {
        when(engine.currentStep(JOURNEY)).thenReturn(step(JourneyStep.Kind.TASK, "SavePersonalKey"));
        doThrow(AccountsException.WrongPassword.class).when(profiles).replacePersonalKey(ACCOUNT, "not my password");
        mvc.perform(post("/verify/SavePersonalKey").with(withFormToken()).param("newKey", "true")
                        .param("password", "not my password"))
                .andExpect(content().string(containsString("That password is not right")))
                .andExpect(content().string(not(containsString("not my password"))));

        when(profiles.replacePersonalKey(ACCOUNT, "my own long password")).thenReturn(PersonalKeys.generate());
        when(sessionEncryptor.encrypt(any(), any())).thenReturn("sealed-new-key");
        mvc.perform(post("/verify/SavePersonalKey").with(withFormToken()).param("newKey", "true")
                        .param("password", "my own long password"))
                .andExpect(redirectedUrl("/verify"))
                .andExpect(header().stringValues("Set-Cookie", hasItem(containsString("proofline-personal-key=sealed-new-key"))));
        verify(engine, never()).completeStep(any(), anyString(), anyMap());
    }

    private static JourneyStep step(JourneyStep.Kind kind, String activityId) {
        return JourneyStep.of(kind, activityId);
    }
}
