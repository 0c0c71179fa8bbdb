package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AES-256-GCM against the GCM specification's test vectors (McGrew and Viega, the vectors NIST's GCM
 * validation uses: test cases 13 to 16, the 256-bit keys, 96-bit IVs), and tampering.
 */
class AesGcmKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "GCM test case {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "13|0000000000000000000000000000000000000000000000000000000000000000|000000000000000000000000|''|''|''|530f8afbc74536b9a963b4f1c4cb738b",
            "14|0000000000000000000000000000000000000000000000000000000000000000|000000000000000000000000|00000000000000000000000000000000|''|cea7403d4d606b6e074ec5d3baf39d18|d0d1c8a799996bf0265b98b5d48ab919",
            "15|feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308|cafebabefacedbaddecaf888|d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255|''|522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad|b094dac5d93471bdec1a502270e3cc6c",
            "16|feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308|cafebabefacedbaddecaf888|d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39|feedfacedeadbeeffeedfacedeadbeefabaddad2|522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662|76fc6ece0f4e1768cddf8853bb2d551b"})
    void matchesTheSpecificationVectors(int testCase, String key, String iv, String plaintext, String aad,
            String ciphertext, String tag) {
        byte[] sealed = AesGcm.encrypt(HEX.parseHex(key), HEX.parseHex(iv), HEX.parseHex(plaintext), HEX.parseHex(aad));

        assertThat(HEX.formatHex(sealed)).isEqualTo(ciphertext + tag);
        assertThat(HEX.formatHex(AesGcm.decrypt(HEX.parseHex(key), HEX.parseHex(iv), sealed, HEX.parseHex(aad))))
                .isEqualTo(plaintext);
    }

    @Test
    void changingAnyByteOfTheSealedValueMakesOpeningFail() {
        byte[] key = HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        byte[] aad = "profile:1".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = AesGcm.seal(key, "a secret worth keeping".getBytes(StandardCharsets.UTF_8), aad);
        assertThat(new String(AesGcm.open(key, sealed, aad), StandardCharsets.UTF_8)).isEqualTo("a secret worth keeping");

        // Every byte: the version, each nonce byte, each ciphertext byte and each tag byte.
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> AesGcm.open(key, tampered, aad)).as("byte %d changed", i)
                    .isInstanceOf(DecryptionFailedException.class);
        }
    }

    @Test
    void anotherContextOrKeyMakesOpeningFail() {
        byte[] key = new byte[32];
        byte[] sealed = AesGcm.seal(key, new byte[] {1, 2, 3}, "profile:1".getBytes(StandardCharsets.UTF_8));
        byte[] otherKey = new byte[32];
        otherKey[31] = 1;

        assertThatThrownBy(() -> AesGcm.open(key, sealed, "profile:2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> AesGcm.open(otherKey, sealed, "profile:1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> AesGcm.open(key, java.util.Arrays.copyOf(sealed, sealed.length - 1),
                "profile:1".getBytes(StandardCharsets.UTF_8))).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void contentKeysBindTheirContextToo() {
        ContentKey key = new ContentKey(new byte[32]);
        String sealed = key.sealText("1984-03-05", "profile:a");

        assertThat(key.openText(sealed, "profile:a")).isEqualTo("1984-03-05");
        assertThatThrownBy(() -> key.openText(sealed, "profile:b")).isInstanceOf(DecryptionFailedException.class)
                .hasMessageNotContaining("1984");
        assertThat(key.toString()).doesNotContain("0000");
    }
}
