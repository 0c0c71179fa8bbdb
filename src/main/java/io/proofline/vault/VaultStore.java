package io.proofline.vault;

import java.time.Duration;
import java.util.Optional;

/** Where sealed vault entries live. Entries are ciphertext already; stores never see plaintext. */
interface VaultStore {

    void put(String key, String sealed, Duration ttl);

    Optional<String> get(String key);

    void delete(String key);
}
