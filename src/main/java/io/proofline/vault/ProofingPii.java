package io.proofline.vault;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.proofline.vendors.PostalAddress;

/**
 * The personal information proofing collects and verifies. A step fills in what it collected; the others
 * stay null. {@link #toString()} never prints a value, so a stray log line or exception cannot leak one.
 */
public record ProofingPii(String firstName, String lastName, LocalDate dateOfBirth, String street, String city,
        String state, String zip, String ssn, String phone, IdentityEvidence evidence) {

    /** Details before any evidence was read (entered by the person, or a partial step). */
    public ProofingPii(String firstName, String lastName, LocalDate dateOfBirth, String street, String city,
            String state, String zip, String ssn, String phone) {
        this(firstName, lastName, dateOfBirth, street, city, state, zip, ssn, phone, null);
    }

    /** The address as vendors take it (no second line: the steps collect one street line). */
    @JsonIgnore
    public PostalAddress postalAddress() {
        return new PostalAddress(street, null, city, state, zip);
    }

    /** This, with the name and date of birth as typed or read. */
    public ProofingPii withPerson(String first, String last, LocalDate born) {
        return new ProofingPii(first, last, born, street, city, state, zip, ssn, phone, evidence);
    }

    /** This, with the residential address as typed or read. */
    public ProofingPii withAddress(String newStreet, String newCity, String newState, String newZip) {
        return new ProofingPii(firstName, lastName, dateOfBirth, newStreet, newCity, newState, newZip, ssn, phone,
                evidence);
    }

    public ProofingPii withSsn(String newSsn) {
        return new ProofingPii(firstName, lastName, dateOfBirth, street, city, state, zip, newSsn, phone, evidence);
    }

    /** This, with the phone number (ten digits) the one-time code goes to. */
    public ProofingPii withPhone(String digits) {
        return new ProofingPii(firstName, lastName, dateOfBirth, street, city, state, zip, ssn, digits, evidence);
    }

    /** This, with the evidence read from an ID or a PIV/CAC card. */
    public ProofingPii withEvidence(IdentityEvidence read) {
        return new ProofingPii(firstName, lastName, dateOfBirth, street, city, state, zip, ssn, phone, read);
    }

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public static ProofingPii empty() {
        return new ProofingPii(null, null, null, null, null, null, null, null, null);
    }

    /** This, with every field that {@code later} has overwriting this one's. */
    public ProofingPii mergedWith(ProofingPii later) {
        return new ProofingPii(pick(later.firstName, firstName), pick(later.lastName, lastName),
                pick(later.dateOfBirth, dateOfBirth), pick(later.street, street), pick(later.city, city),
                pick(later.state, state), pick(later.zip, zip), pick(later.ssn, ssn), pick(later.phone, phone),
                pick(later.evidence, evidence));
    }

    /** The form that gets encrypted (JSON, UTF-8). */
    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize proofing PII");
        }
    }

    public static ProofingPii fromBytes(byte[] bytes) {
        try {
            return JSON.readValue(bytes, ProofingPii.class);
        } catch (IOException e) {
            // No cause: a parser message may quote the input.
            throw new IllegalArgumentException("Cannot read proofing PII");
        }
    }

    private static <T> T pick(T later, T earlier) {
        return later != null ? later : earlier;
    }

    @Override
    public String toString() {
        return "ProofingPii[redacted]";
    }
}
