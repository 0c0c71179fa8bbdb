package io.proofline.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PII scan finds a secret in text and in bytes, in any case, but not by chance inside a UUID or a digest. */
class DatabaseScanTest extends PostgresIntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void aSecretIsFoundWhereItStandsAndNotInsideAUuid() {
        jdbc.sql("create table scan_probe (note varchar(200), payload bytea)").update();
        DatabaseScan scan = new DatabaseScan(jdbc);
        String uuid = "4ac9984a-d90e-4648-889d-ba3059524aa7"; // holds 59524, as a journey id once did

        jdbc.sql("insert into scan_probe values (?, ?)").params(uuid, uuid.getBytes(StandardCharsets.US_ASCII)).update();
        assertThat(scan.columnsHolding("59524")).doesNotContain("scan_probe.note", "scan_probe.payload");
        assertThat(scan.columnsHolding(uuid)).as("a UUID looked for is found").contains("scan_probe.note");
        jdbc.sql("insert into scan_probe values (?, null)") // an email fingerprint that held a test person's ZIP
                .param("35035e8cd05f3a59764e05ee3c555e1f45ce06df14e3b80f526a22ffa500c2a5").update();
        assertThat(scan.columnsHolding("59764")).doesNotContain("scan_probe.note");

        jdbc.sql("insert into scan_probe values (?, ?)").params("{\"zip\":\"59524\"}",
                "\u0000\u0005Quill Larkspur".getBytes(StandardCharsets.UTF_8)).update();
        assertThat(scan.columnsHolding("59524")).contains("scan_probe.note");
        assertThat(scan.columnsHolding("quill larkspur")).contains("scan_probe.payload");
    }

    @AfterEach
    void dropTheProbe() {
        jdbc.sql("drop table if exists scan_probe").update();
    }
}
