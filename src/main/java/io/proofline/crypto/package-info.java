/**
 * Keys and ciphertexts. The public API: {@link io.proofline.crypto.UserAccessKeys} (scrypt + KMS, a
 * content-encryption key per user secret), {@link io.proofline.crypto.ContentKey} (AES-256-GCM under such a
 * key), {@link io.proofline.crypto.AttributeEncryptor} and {@link io.proofline.crypto.SessionEncryptor}
 * (the shared keys, derived once at start-up), {@link io.proofline.crypto.Fingerprints} (HMAC-SHA256 with
 * key rotation) and {@link io.proofline.crypto.PersonalKeys}. KMS providers, scrypt and the key material
 * stay package-private. See {@code docs/pii-protection.md}.
 */
package io.proofline.crypto;
