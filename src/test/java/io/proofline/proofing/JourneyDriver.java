package io.proofline.proofing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Profiles;
import io.proofline.crypto.PersonalKey;
import io.proofline.documents.DocumentCheck;
import io.proofline.documents.DocumentImages;
import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;
import io.proofline.vault.PiiVault;
import io.proofline.vendors.VendorStubServer;

/**
 * Drives a journey the way the wizard does: the person's input goes to the feature services and the vault,
 * the step is completed with choices and outcomes only, and the driver waits while the engine checks.
 */
final class JourneyDriver {

    static final String PASSWORD = "a long and honest passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Journeys journeys;
    private final JourneyEngine engine;
    private final PiiVault vault;
    private final DocumentCheck documents;
    private final Profiles profiles;
    private final VendorStubServer stubs;

    JourneyDriver(Journeys journeys, JourneyEngine engine, PiiVault vault, DocumentCheck documents, Profiles profiles,
            VendorStubServer stubs) {
        this.journeys = journeys;
        this.engine = engine;
        this.vault = vault;
        this.documents = documents;
        this.profiles = profiles;
        this.stubs = stubs;
    }

    /** A new (or the active) journey of the account, past consent and the choice of evidence. */
    JourneyId begin(AccountId account, String path) throws Exception {
        JourneyId journey = journeys.startOrResume(account).id();
        complete(journey, "ConsentToProofing", Map.of());
        complete(journey, "ChooseProofingPath", Map.of("proofingPath", path));
        return journey;
    }

    void throughTheStateId(JourneyId journey, Person person) throws Exception {
        upload(journey, "");
        awaitTask(journey, "EnterSsn");
        vault.update(journey, pii -> pii.withSsn(person.ssn()));
        complete(journey, "EnterSsn", Map.of());
        // The review may change the address (and SSN); name and DOB stay as the ID says.
        vault.update(journey, pii -> pii.withAddress(person.street(), person.city(), "MT", person.zip()));
        complete(journey, "ReviewDetails", Map.of());
        awaitTask(journey, "ChooseAddressMethod");
    }

    /** Phone chosen, records checked, the code read from what the SMS stub received and typed back. */
    void byPhone(JourneyId journey, Person person, BiPredicate<JourneyId, String> verifyCode)
            throws Exception {
        complete(journey, "ChooseAddressMethod", Map.of("addressMethod", "PHONE"));
        vault.update(journey, pii -> pii.withPhone(person.phone()));
        complete(journey, "EnterPhone", Map.of());
        awaitTask(journey, "EnterOneTimeCode");
        assertThat(verifyCode.test(journey, lastSent(journey, "/telephony/v1/messages").get("code").asText())).isTrue();
        complete(journey, "EnterOneTimeCode", Map.of("oneTimeCodeCheck", "PASS"));
    }

    /** Letter chosen and the data protected; returns the code printed on the letter that went out. */
    String byLetter(AccountId account, JourneyId journey) throws Exception {
        complete(journey, "ChooseAddressMethod", Map.of("addressMethod", "LETTER"));
        complete(journey, "ConfirmLetterAddress", Map.of());
        protectTheData(account, journey);
        awaitTask(journey, "EnterLetterCode");
        return lastSent(journey, "/usps/v1/letters").get("code").asText();
    }

    void upload(JourneyId journey, String marker) throws Exception {
        awaitTask(journey, "UploadDocuments");
        documents.upload(journey, new DocumentImages(("front " + marker).getBytes(StandardCharsets.UTF_8),
                "back".getBytes(StandardCharsets.UTF_8), "selfie".getBytes(StandardCharsets.UTF_8)));
        complete(journey, "UploadDocuments", Map.of());
    }

    void protectTheData(AccountId account, JourneyId journey) throws Exception {
        awaitTask(journey, "ReEnterPassword");
        PersonalKey personalKey = profiles.encryptProfile(account, journey, PASSWORD);
        complete(journey, "ReEnterPassword", Map.of());
        awaitTask(journey, "SavePersonalKey");
        assertThat(personalKey.matches(personalKey.formatted().toLowerCase())).isTrue();
        complete(journey, "SavePersonalKey", Map.of());
    }

    void complete(JourneyId journey, String step, Map<String, Object> variables) throws Exception {
        awaitTask(journey, step);
        engine.completeStep(journey, step, variables);
    }

    JourneyStep awaitTask(JourneyId journey, String step) throws Exception {
        JourneyStep current = awaitStep(journey, JourneyStep.Kind.TASK);
        assertThat(current.activityId()).as("the journey's step").isEqualTo(step);
        return current;
    }

    JourneyStep awaitStep(JourneyId journey, JourneyStep.Kind kind) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JourneyStep current = engine.currentStep(journey);
        while (current.kind() == JourneyStep.Kind.CHECKING && System.nanoTime() < deadline) {
            Thread.sleep(50);
            current = engine.currentStep(journey);
        }
        assertThat(current.kind()).as("step " + current.activityId()).isEqualTo(kind);
        return current;
    }

    void awaitEnded(JourneyId journey) throws Exception {
        awaitStep(journey, JourneyStep.Kind.ENDED);
    }

    /** The last request the stub received for this journey (its idempotency key starts with the journey id). */
    JsonNode lastSent(JourneyId journey, String path) throws Exception {
        List<LoggedRequest> sent = stubs.server().findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(request -> request.getHeader("Idempotency-Key").startsWith(journey.toString())).toList();
        assertThat(sent).as("requests to " + path + " for the journey").isNotEmpty();
        return JSON.readTree(sent.get(sent.size() - 1).getBodyAsString());
    }

    record Person(String email, String ssn, String street, String city, String zip, String phone) {
        static Person random() {
            // a UUID has fewer than five of a-f now and then (seen in a full run): padded, never too short
            String tag = (UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "fedcb").substring(0, 5);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new Person("quill." + tag + random.nextInt(1000) + "@example.org",
                    String.format("900-%02d-%04d", 10 + random.nextInt(89), 1000 + random.nextInt(8999)),
                    random.nextInt(100, 999) + " Larkspur" + tag + " Way", "Bozeman" + tag,
                    String.format("59%03d", random.nextInt(100, 999)),
                    String.format("406555%04d", 1000 + random.nextInt(8999)));
        }
    }
}
