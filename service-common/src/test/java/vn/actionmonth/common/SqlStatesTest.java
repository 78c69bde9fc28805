package vn.actionmonth.common;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import vn.actionmonth.common.problem.SqlStates;
import vn.actionmonth.common.problem.Unavailable;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatesTest {

    @Test
    void aDuplicateRowIsAUniqueViolationWhereverItIsInTheCauses() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into report", "23505", new int[0]);
        BatchUpdateException wrapped = new BatchUpdateException("Batch entry 0", null, new int[0]);
        wrapped.setNextException(duplicate);

        assertThat(SqlStates.isUniqueViolation(new PersistenceException("flush", duplicate))).isTrue();
        assertThat(SqlStates.isUniqueViolation(new PersistenceException("flush", batch))).isTrue();
        assertThat(SqlStates.isUniqueViolation(new PersistenceException("flush", wrapped))).isTrue();
    }

    @Test
    void aConnectionThatDiesUnderTheInsertIsNoConflictButAnOutage() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        PersistenceException e = new PersistenceException("flush", new BatchUpdateException("Batch entry 0", "08006",
                new int[0], io));

        assertThat(SqlStates.isUniqueViolation(e)).isFalse();
        assertThat(Unavailable.isDatabaseUnreachable(e)).isTrue();
        assertThat(SqlStates.isUniqueViolation(new PersistenceException("check", new SQLException("bad", "23514"))))
                .isFalse();
    }
}
