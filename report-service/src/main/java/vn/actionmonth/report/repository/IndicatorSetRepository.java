package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.Aggregation;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.IndicatorType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Indicator sets and their indicators (few and small: read whole). */
@ApplicationScoped
public class IndicatorSetRepository {

    private final AgroalDataSource dataSource;

    public IndicatorSetRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<IndicatorSet> all() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Indicator>> indicators = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT code, version, name FROM indicator_set ORDER BY code, version");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "#" + rs.getInt(2);
                    names.put(key, rs.getString(3));
                    indicators.put(key, new ArrayList<>());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT set_code, set_version, code, group_code, name_vi, name_en, "
                    + "unit, type, aggregation FROM indicator ORDER BY set_code, set_version, position");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indicators.get(rs.getString(1) + "#" + rs.getInt(2)).add(new Indicator(rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), IndicatorType.of(rs.getString(8)),
                            Aggregation.of(rs.getString(9))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read indicator sets", e);
        }
        List<IndicatorSet> out = new ArrayList<>();
        names.forEach((key, name) -> {
            String[] parts = key.split("#");
            out.add(new IndicatorSet(parts[0], Integer.parseInt(parts[1]), name, indicators.get(key)));
        });
        return out;
    }

    public void insert(IndicatorSet set) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO indicator_set (code, version, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, set.code());
                ps.setInt(2, set.version());
                ps.setString(3, set.name());
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                if (ps.executeUpdate() == 0) {
                    return; // another replica shipped it at the same time
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO indicator (set_code, set_version, code, position, "
                    + "group_code, name_vi, name_en, unit, type, aggregation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int position = 0;
                for (Indicator i : set.indicators()) {
                    ps.setString(1, set.code());
                    ps.setInt(2, set.version());
                    ps.setString(3, i.code());
                    ps.setInt(4, position++);
                    ps.setString(5, i.group());
                    ps.setString(6, i.nameVi());
                    ps.setString(7, i.nameEn());
                    ps.setString(8, i.unit());
                    ps.setString(9, i.type().code());
                    ps.setString(10, i.aggregation().code());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store indicator set " + set.code(), e);
        }
    }
}
