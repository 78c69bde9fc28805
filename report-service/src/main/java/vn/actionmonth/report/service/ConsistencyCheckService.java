package vn.actionmonth.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.ConsolidationKey;
import vn.actionmonth.report.domain.FigureTotals;
import vn.actionmonth.report.domain.Report;
import vn.actionmonth.report.domain.ReportStatus;
import vn.actionmonth.report.repository.ConsolidationRepository;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Recomputes every consolidated figure from the reports themselves and compares it with what the
 * consumer built. Reads everything in one REPEATABLE READ snapshot, so reports and figures are
 * seen at the same instant; reports whose latest event the consumer has not applied yet are
 * counted as {@code pending} (the difference they cause is expected and transient).
 */
@ApplicationScoped
public class ConsistencyCheckService {

    public static final int MAX_LISTED = 100;

    private final AgroalDataSource dataSource;
    private final ConsolidationRepository consolidation;
    private final IndicatorSetService indicatorSets;
    private final ObjectMapper mapper;

    public ConsistencyCheckService(AgroalDataSource dataSource, ConsolidationRepository consolidation,
                                   IndicatorSetService indicatorSets, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.consolidation = consolidation;
        this.indicatorSets = indicatorSets;
        this.mapper = mapper;
    }

    public record Difference(UUID unitId, UUID scopeId, String indicatorCode, FigureTotals expected, FigureTotals stored) {
    }

    public record Result(int reportsChecked, int figuresChecked, int pending, int differenceCount,
                         List<Difference> differences) {
    }

    public Result run() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return check(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("consistency check failed to run", e);
        }
    }

    private Result check(Connection c) throws SQLException, IOException {
        Map<UUID, String> applied = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT report_id, revision, stage, status FROM report_applied");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                applied.put(rs.getObject(1, UUID.class), rs.getInt(2) + ":" + rs.getInt(3) + ":" + rs.getString(4));
            }
        }
        Map<ConsolidationKey, FigureTotals> expected = new HashMap<>();
        int reports = 0;
        int pending = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, status, revision, figures, frozen_path, scope_ids, "
                + "campaign_id, indicator_set_code, indicator_set_version FROM report WHERE revision > 0");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reports++;
                UUID id = rs.getObject(1, UUID.class);
                ReportStatus status = ReportStatus.valueOf(rs.getString(2));
                int revision = rs.getInt(3);
                JsonNode figures = mapper.readTree(rs.getString(4));
                List<UUID> path = Report.parseIds(rs.getString(5), "/");
                List<UUID> scopes = new ArrayList<>();
                scopes.add(rs.getObject(7, UUID.class));
                scopes.addAll(Report.parseIds(rs.getString(6), ","));
                String state = revision + ":" + (status == ReportStatus.SUBMITTED ? 0 : 1) + ":" + status;
                if (!state.equals(applied.get(id))) {
                    pending++;
                }
                Contributions.add(expected, indicatorSets.get(rs.getString(8), rs.getInt(9)), figures, status, path, scopes, 1);
            }
        }
        // The stored figures are streamed and compared one by one, each expected key being removed as it
        // is met: a national campaign has about a million figures, and holding the stored ones, the union
        // of keys and its sorted copy next to the expected ones does not fit a service's heap.
        TreeMap<ConsolidationKey, Difference> listed = new TreeMap<>();
        int[] count = {0};
        int[] checked = {0};
        consolidation.forEach(c, (k, s) -> {
            checked[0]++;
            FigureTotals e = expected.remove(k);
            compare(k, e == null ? FigureTotals.ZERO : e, s, listed, count);
        });
        for (Map.Entry<ConsolidationKey, FigureTotals> left : expected.entrySet()) {
            checked[0]++;
            compare(left.getKey(), left.getValue(), FigureTotals.ZERO, listed, count);
        }
        return new Result(reports, checked[0], pending, count[0], new ArrayList<>(listed.values()));
    }

    /** Counts a difference and keeps the first {@link #MAX_LISTED} of them in key order. */
    private static void compare(ConsolidationKey k, FigureTotals expected, FigureTotals stored,
                                TreeMap<ConsolidationKey, Difference> listed, int[] count) {
        if (expected.equals(stored)) {
            return;
        }
        count[0]++;
        listed.put(k, new Difference(k.unitId(), k.scopeId(), k.indicatorCode(), expected, stored));
        if (listed.size() > MAX_LISTED) {
            listed.pollLastEntry();
        }
    }
}
