package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7914 section 12 test vectors, through our wrapper. */
class ScryptKnownAnswerTest {

    @ParameterizedTest(name = "scrypt(\"{0}\", \"{1}\", N={2}, r={3}, p={4})")
    @CsvSource(delimiter = '|', value = {
            "''|''|16|1|1|77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906",
            "password|NaCl|1024|8|16|fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
            "pleaseletmein|SodiumChloride|16384|8|1|7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"})
    void matchesTheRfcVectors(String password, String salt, int n, int r, int p, String expectedHex) {
        byte[] derived = Scrypt.derive(password.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8),
                new Scrypt.Cost(n, r, p), 64);

        assertThat(HexFormat.of().formatHex(derived)).isEqualTo(expectedHex);
    }
}
