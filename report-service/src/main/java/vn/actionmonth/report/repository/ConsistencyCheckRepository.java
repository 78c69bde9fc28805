package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.common.units.UnitPath;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.domain.UnitScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import static vn.actionmonth.events.sql.NamedSql.params;

/**
 * What the consistency check reads, all in one read-only REPEATABLE READ snapshot, so that reports
 * and consolidated figures are seen at the same instant: which report states the consumer has
 * applied, the final reports with their figures, and the stored figures.
 */
@ApplicationScoped
public class ConsistencyCheckRepository {

    private static final NamedSql APPLIED = NamedSql.of("""
            SELECT report_id, revision, stage, status FROM report_applied
            """);
    // interim reports add to no total (ConsolidationHandler passes them over)
    private static final NamedSql COUNT_FINAL = NamedSql.of("""
            SELECT count(*) AS reports FROM report WHERE revision > 0 AND kind = 'FINAL'
            """);
    private static final NamedSql FINAL_REPORTS = NamedSql.of("""
            SELECT id, status, revision, figures, frozen_path, scope_ids, campaign_id, indicator_set_code,
                   indicator_set_version
            FROM report
            WHERE revision > 0 AND kind = 'FINAL'
            """);

    private final AgroalDataSource dataSource;
    private final ConsolidationRepository consolidation;

    public ConsistencyCheckRepository(AgroalDataSource dataSource, ConsolidationRepository consolidation) {
        this.dataSource = dataSource;
        this.consolidation = consolidation;
    }

    /** The state of a report the consumer has applied last. */
    public record Applied(UUID reportId, int revision, int stage, String status) {
    }

    /**
     * A submitted or approved final report.
     *
     * @param figures   the figures as stored (JSON)
     * @param frozenPath the unit's path when it was submitted, root first
     * @param scopeIds  the plans it reports under, besides its campaign
     */
    public record FinalReport(UUID id, ReportStatus status, int revision, String figures, List<UUID> frozenPath,
                              UUID campaignId, List<UUID> scopeIds, String indicatorSetCode, int indicatorSetVersion) {
    }

    /** Runs {@code work} on one read-only snapshot, rolled back after. */
    public <T> T inSnapshot(Function<Snapshot, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return work.apply(new Snapshot(c));
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("consistency check failed to run", e);
        }
    }

    /** The reads of one snapshot; valid only inside {@link #inSnapshot}. */
    public final class Snapshot {

        private final Connection c;

        private Snapshot(Connection c) {
            this.c = c;
        }

        public List<Applied> applied() {
            List<Applied> out = new ArrayList<>();
            try (PreparedStatement ps = APPLIED.prepare(c, params()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Applied(rs.getObject("report_id", UUID.class), rs.getInt("revision"), rs.getInt("stage"),
                            rs.getString("status")));
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return out;
        }

        public int finalReportCount() {
            try (PreparedStatement ps = COUNT_FINAL.prepare(c, params()); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt("reports");
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** Every final report, streamed: at 100,000 units they do not all fit in memory at once. */
        public void forEachFinalReport(Consumer<FinalReport> action) {
            try (PreparedStatement ps = FINAL_REPORTS.prepare(c, params())) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(new FinalReport(rs.getObject("id", UUID.class),
                                ReportStatus.valueOf(rs.getString("status")), rs.getInt("revision"),
                                rs.getString("figures"), UnitPath.ids(rs.getString("frozen_path")),
                                rs.getObject("campaign_id", UUID.class), Report.parseIds(rs.getString("scope_ids"), ","),
                                rs.getString("indicator_set_code"), rs.getInt("indicator_set_version")));
                    }
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** Every stored row of the units whose id starts with {@code idPrefix} ("" for all), streamed. */
        public void forEachRow(String idPrefix, BiConsumer<UnitScope, long[][]> action) {
            try {
                consolidation.forEachRow(c, idPrefix, action);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** The storage slot of each of the set's indicators, in the set's order. */
        public int[] slots(IndicatorSet set) {
            try {
                return consolidation.slots(set);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** The indicator code a stored slot holds. */
        public String codeAt(int slot) {
            try {
                return consolidation.codeAt(c, slot);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        private static IllegalStateException failed(SQLException e) {
            return new IllegalStateException("consistency check failed to run", e);
        }
    }
}
