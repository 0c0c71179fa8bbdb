package io.proofline.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-stack integration tests: the {@code postgres} profile on the machine's real
 * PostgreSQL and Redis, with the vendor stubs served in-process. Each application context the tests build is
 * one deployment with a database of its own: Spring keeps earlier contexts alive, and their job executors would
 * otherwise take this one's jobs (a letter prepared from another context's empty vault, a code sent through
 * another context's stubs, columns re-encrypted under another context's key). Contexts are still cached and
 * shared by the test classes that configure them alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "it"})
public abstract class PostgresIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase database = PostgresTestDatabase.create();
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::user);
    }
}
