/**
 * What every module's Spring Data repositories share: {@link io.proofline.persistence.Inserts}, an insert that
 * stays an insert, and unique-key violations reported as {@link org.springframework.dao.DuplicateKeyException}.
 * Each table's entity and repository live in the module that owns the table; Flyway owns the schema
 * ({@code db/migration}) and Hibernate only validates against it.
 */
package io.proofline.persistence;
