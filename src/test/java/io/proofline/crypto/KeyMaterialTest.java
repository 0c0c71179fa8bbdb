package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTest {

    @Test
    void theEmbeddedDefaultGeneratesAMissingSecretOnceIntoAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        byte[] first = new KeyMaterial(true, dir).secret("", "attribute-key", "PROOFLINE_ATTRIBUTE_KEY");
        byte[] again = new KeyMaterial(true, dir).secret(null, "attribute-key", "PROOFLINE_ATTRIBUTE_KEY");

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(Files.getPosixFilePermissions(dir.resolve("attribute-key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void withoutGenerationAMissingSecretStopsStartUpAndNamesTheVariable(@TempDir Path dir) {
        assertThatThrownBy(() -> new KeyMaterial(false, dir).secret("", "session-key", "PROOFLINE_SESSION_KEY"))
                .hasMessageContaining("PROOFLINE_SESSION_KEY");
        assertThat(dir.resolve("session-key")).doesNotExist();
    }

    @Test
    void aShortOrMalformedSecretIsRefusedWithoutEchoingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> new KeyMaterial(false, dir).secret("c2hvcnQ=", "x", "PROOFLINE_X"))
                .hasMessageContaining("shorter than 32").hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> new KeyMaterial(false, dir).secret("not base64 at all!", "x", "PROOFLINE_X"))
                .hasMessageContaining("not base64").hasMessageNotContaining("at all");
    }
}
