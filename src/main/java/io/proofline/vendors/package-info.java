/**
 * What every vendor adapter shares: where vendors are reached and, in the embedded default, the
 * in-process WireMock server that serves {@code vendor-stubs/} so that nothing external is needed.
 */
package io.proofline.vendors;
