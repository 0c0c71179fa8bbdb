/**
 * The embedded default's sample agency ({@code /sample-agency}): a small relying party of its own that signs in with
 * Proofline over OpenID Connect, as a partner agency would (private_key_jwt, PKCE, state and nonce), and shows the
 * claims it received. It talks to the provider over HTTP only, never through the sharing module's code.
 */
package io.proofline.sampleagency;
