package io.proofline.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searches every text-like and bytea column of every table (ours and the engine's ACT_* tables) for a
 * value: the test that an operator with database access finds no PII.
 */
public final class DatabaseScan {

    private final JdbcClient jdbc;

    public DatabaseScan(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> searchableColumns() {
        return jdbc.sql("""
                select table_schema, table_name, column_name, data_type from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema')
                  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'xml', 'bytea')
                order by table_name, column_name""").query().listOfRows();
    }

    /**
     * A UUID: the ids of rows, journeys and jobs. Random hex, never PII, but long enough that a short secret (a
     * five-digit ZIP code) turns up inside one by chance now and then; the search looks past them.
     */
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** UUIDs and hex digests (HMAC fingerprints: 64 hex digits), the random hex a short secret can hide in. */
    private static final String RANDOM_HEX = UUID + "|[0-9a-f]{32,}";

    /**
     * Every column (as table.column) whose value contains the text, case-insensitively, UUIDs and hex digests
     * aside (unless a UUID is what is looked for). Byte
     * columns are read as text with their other bytes escaped (ASCII secrets are found as they are); a secret
     * with other characters is looked for in them as its UTF-8 bytes.
     */
    public List<String> columnsHolding(String text) {
        List<String> holding = new ArrayList<>();
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(text);
        boolean lookingForAUuid = text.toLowerCase(Locale.ROOT).matches(UUID);
        for (Map<String, Object> column : searchableColumns()) {
            String table = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            boolean bytes = "bytea".equals(column.get("data_type"));
            long matches;
            if (bytes && !ascii) {
                matches = jdbc.sql("select count(*) from " + table + " where position(? in " + name + ") > 0")
                        .param(text.getBytes(StandardCharsets.UTF_8)).query(Long.class).single();
            } else {
                String value = "lower(" + (bytes ? "encode(" + name + ", 'escape')" : "cast(" + name + " as text)") + ")";
                String searched = lookingForAUuid ? value : "regexp_replace(" + value + ", '" + RANDOM_HEX + "', '', 'g')";
                matches = jdbc.sql("select count(*) from " + table + " where " + searched + " like ?").param(pattern)
                        .query(Long.class).single();
            }
            if (matches > 0) {
                holding.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return holding;
    }
}
