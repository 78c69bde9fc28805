package vn.actionmonth.events;

import org.junit.jupiter.api.Test;
import vn.actionmonth.events.sql.NamedSql;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedSqlTest {

    @Test
    void namesBecomePlaceholdersButCastsAndQuotedTextStay() {
        NamedSql sql = NamedSql.of("""
                SELECT id::text, ':not_a_name' FROM notification
                WHERE unit_id = :unitId AND (plan_id = :planId OR :planId IS NULL) AND kind = 'DUE'
                """);

        assertThat(sql.jdbc()).isEqualTo("""
                SELECT id::text, ':not_a_name' FROM notification
                WHERE unit_id = ? AND (plan_id = ? OR ? IS NULL) AND kind = 'DUE'
                """);
    }

    @Test
    void everyOccurrenceIsBoundByNameAndANullKeepsItsType() throws Exception {
        NamedSql sql = NamedSql.of("UPDATE t SET a = :a WHERE b = :b OR b = :a");
        List<String> calls = new ArrayList<>();
        PreparedStatement ps = recording(calls);
        UUID id = UUID.randomUUID();

        sql.bind(ps, NamedSql.params().uuid("a", id).text("b", null));

        assertThat(calls).containsExactly("setObject 1 " + id + " " + Types.OTHER, "setNull 2 " + Types.VARCHAR,
                "setObject 3 " + id + " " + Types.OTHER);
    }

    @Test
    void aMissingOrAnUnknownValueFailsLoudly() {
        NamedSql sql = NamedSql.of("DELETE FROM t WHERE id = :id");
        PreparedStatement ps = recording(new ArrayList<>());

        assertThatThrownBy(() -> sql.bind(ps, NamedSql.params())).hasMessageContaining("no value for :id");
        assertThatThrownBy(() -> sql.bind(ps, NamedSql.params().uuid("id", null).text("idd", "x")))
                .hasMessageContaining("no parameter named [idd]");
        assertThatThrownBy(() -> NamedSql.params().text("id", "a").text("id", "b")).hasMessageContaining("given twice");
    }

    /** A statement that records the binding calls made on it (a stand-in for logic only: no database here). */
    private static PreparedStatement recording(List<String> calls) {
        return (PreparedStatement) Proxy.newProxyInstance(NamedSqlTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setObject" -> calls.add("setObject " + args[0] + " " + args[1] + " " + args[2]);
                        case "setNull" -> calls.add("setNull " + args[0] + " " + args[1]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }
}
