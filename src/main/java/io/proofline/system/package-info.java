/** Cross-cutting start-up concerns: what the service tells its operator when it is ready. */
package io.proofline.system;
