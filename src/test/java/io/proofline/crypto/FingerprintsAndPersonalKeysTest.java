package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class FingerprintsAndPersonalKeysTest {

    private final byte[] oldKey = "an old fingerprint key, 32 bytes".getBytes();
    private final byte[] newKey = "the current fingerprint key, 32b".getBytes();

    @Test
    void emailsAndSsnsAreNormalizedBeforeHashing() {
        Fingerprints fingerprints = new Fingerprints(newKey, List.of());

        assertThat(fingerprints.email("  Pat.Doe@Example.COM ").current()).isEqualTo(fingerprints.email("pat.doe@example.com").current());
        assertThat(fingerprints.ssn("900-12-3456").current()).isEqualTo(fingerprints.ssn("900123456").current());
        assertThat(fingerprints.ssn("900123456").current()).isNotEqualTo(fingerprints.email("900123456").current())
                .hasSize(64).doesNotContain("900123456");
    }

    @Test
    void afterARotationLookupsTryTheCurrentKeyFirstThenTheOldOnes() {
        String beforeRotation = new Fingerprints(oldKey, List.of()).ssn("900123456").current();
        Fingerprints rotated = new Fingerprints(newKey, List.of(oldKey));

        Fingerprints.Lookup lookup = rotated.ssn("900-12-3456");

        assertThat(lookup.candidates()).hasSize(2).first().isEqualTo(lookup.current());
        assertThat(lookup.candidates()).contains(beforeRotation);
        assertThat(lookup.isStale(beforeRotation)).isTrue();
        assertThat(lookup.isStale(lookup.current())).isFalse();
    }

    @RepeatedTest(20)
    void personalKeysAreSixteenCrockfordCharactersInFourGroups() {
        PersonalKey key = PersonalKeys.generate();

        assertThat(key.formatted()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(key.toString()).doesNotContain(key.secret());
    }

    @Test
    void typedKeysAreReadAsPeopleTypeThem() {
        PersonalKey key = new PersonalKey("0123ABCD1111WXYZ");

        assertThat(key.matches("0123-ABCD-1111-WXYZ")).isTrue();
        assertThat(key.matches("o123 abcd ilLI wxyz")).isTrue();
        assertThat(key.matches("0123-ABCD-1111-WXY")).isFalse();
        assertThat(key.matches("0123-ABCD-1111-WXYY")).isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void personalKeysDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(PersonalKeys.generate().secret());
        }
        assertThat(seen).hasSize(1000);
    }
}
