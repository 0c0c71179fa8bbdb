package io.proofline.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Every {@link Instant} of every entity is written to its {@code timestamp} column as a JDBC timestamp, as the
 * rows were written before JPA: Hibernate's own mapping of an Instant expects {@code timestamp with time zone}
 * and would read the rows already there at another offset wherever the service's time zone is not UTC.
 */
@Converter(autoApply = true)
class InstantAsTimestamp implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
