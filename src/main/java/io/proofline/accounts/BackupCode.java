package io.proofline.accounts;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One backup code, kept only as its HMAC fingerprint. */
@Entity
@Table(name = "backup_code")
class BackupCode {

    @Embeddable
    record Key(UUID methodId, String codeFingerprint) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    private Instant usedAt;

    protected BackupCode() {
        // for JPA
    }

    BackupCode(UUID methodId, String codeFingerprint) {
        this.key = new Key(methodId, codeFingerprint);
    }
}
