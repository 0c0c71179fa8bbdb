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

    /** Every column (as table.column) whose value contains the text: case-insensitively, or as UTF-8 bytes. */
    public List<String> columnsHolding(String text) {
        List<String> holding = new ArrayList<>();
        for (Map<String, Object> column : searchableColumns()) {
            String table = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            long matches;
            if ("bytea".equals(column.get("data_type"))) {
                matches = jdbc.sql("select count(*) from " + table + " where position(? in " + name + ") > 0 "
                        + "or position(? in " + name + ") > 0")
                        .params(text.getBytes(StandardCharsets.UTF_8),
                                text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))
                        .query(Long.class).single();
            } else {
                matches = jdbc.sql("select count(*) from " + table + " where lower(cast(" + name + " as text)) like ?")
                        .param("%" + text.toLowerCase(Locale.ROOT) + "%").query(Long.class).single();
            }
            if (matches > 0) {
                holding.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return holding;
    }
}
