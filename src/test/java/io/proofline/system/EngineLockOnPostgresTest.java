package io.proofline.system;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.proofline.support.PostgresIntegrationTest;

/** {@link EngineLockChecks} in the postgres profile, on the machine's PostgreSQL and Redis. */
class EngineLockOnPostgresTest extends PostgresIntegrationTest implements EngineLockChecks {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
