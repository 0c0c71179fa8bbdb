package io.proofline.system;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** {@link EngineLockChecks} in the embedded default (H2, the in-memory vault), as the README starts it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "proofline.vendor-stubs.port=0", "proofline.data-dir=./target/embedded-default-test"})
class EngineLockInTheEmbeddedDefaultTest implements EngineLockChecks {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
