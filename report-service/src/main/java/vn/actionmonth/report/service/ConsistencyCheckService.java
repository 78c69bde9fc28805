package vn.actionmonth.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.config.ReportConfig;
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
import java.util.function.Predicate;

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
    private final ReportConfig config;

    public ConsistencyCheckService(AgroalDataSource dataSource, ConsolidationRepository consolidation,
                                   IndicatorSetService indicatorSets, ObjectMapper mapper, ReportConfig config) {
        this.dataSource = dataSource;
        this.consolidation = consolidation;
        this.indicatorSets = indicatorSets;
        this.mapper = mapper;
        this.config = config;
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
        int reports;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM report WHERE revision > 0 AND kind = 'FINAL'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            reports = rs.getInt(1);
        }
        // The recomputed figures are held in memory: about 20 per report, unit and scope, which at
        // 100,000 units is more than a service's heap. Above reports-per-pass the units are checked in
        // 16 passes, by the first hex digit of their id, each pass reading the reports again.
        int passes = reports > config.consistency().reportsPerPass() ? 16 : 1;
        TreeMap<ConsolidationKey, Difference> listed = new TreeMap<>();
        int[] count = {0};
        int[] checked = {0};
        int pending = 0;
        for (int pass = 0; pass < passes; pass++) {
            String prefix = passes == 1 ? "" : Character.toString(Character.forDigit(pass, 16));
            Predicate<UUID> inPass = unit -> unit.toString().startsWith(prefix);
            Map<ConsolidationKey, FigureTotals> expected = new HashMap<>();
            int pendingInPass = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, status, revision, figures, frozen_path, scope_ids, "
                    + "campaign_id, indicator_set_code, indicator_set_version FROM report WHERE revision > 0 "
                    // interim reports add to no total (ConsolidationHandler passes them over)
                    + "AND kind = 'FINAL'")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
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
                            pendingInPass++;
                        }
                        Contributions.add(expected, indicatorSets.get(rs.getString(8), rs.getInt(9)), figures, status, path,
                                scopes, 1, inPass);
                    }
                }
            }
            pending = pendingInPass;
            // The stored figures are streamed and compared one by one, each expected key being removed as
            // it is met: holding the stored ones and the union of keys next to the expected ones does not fit.
            consolidation.forEach(c, prefix, (k, st) -> {
                checked[0]++;
                FigureTotals e = expected.remove(k);
                compare(k, e == null ? FigureTotals.ZERO : e, st, listed, count);
            });
            for (Map.Entry<ConsolidationKey, FigureTotals> left : expected.entrySet()) {
                checked[0]++;
                compare(left.getKey(), left.getValue(), FigureTotals.ZERO, listed, count);
            }
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
