package vn.actionmonth.report.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.events.sql.NamedSql;
import vn.actionmonth.report.domain.Aggregation;
import vn.actionmonth.report.domain.Indicator;
import vn.actionmonth.report.domain.IndicatorSet;
import vn.actionmonth.report.domain.IndicatorType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Indicator sets and their indicators (few and small: read whole). */
@ApplicationScoped
public class IndicatorSetRepository {

    private static final String SETS = """
            SELECT code, version, name
              FROM indicator_set
             ORDER BY code, version""";

    private static final String INDICATORS = """
            SELECT set_code, set_version, code, group_code, name_vi, name_en, unit, type, aggregation
              FROM indicator
             ORDER BY set_code, set_version, position""";

    private static final NamedSql INSERT_SET = NamedSql.of("""
            INSERT INTO indicator_set (code, version, name, created_at)
            VALUES (:code, :version, :name, :createdAt)
            ON CONFLICT DO NOTHING""");

    private static final NamedSql INSERT_INDICATOR = NamedSql.of("""
            INSERT INTO indicator (set_code, set_version, code, position, group_code, name_vi, name_en, unit, type,
                                   aggregation)
            VALUES (:setCode, :setVersion, :code, :position, :groupCode, :nameVi, :nameEn, :unit, :type, :aggregation)""");

    private final AgroalDataSource dataSource;

    public IndicatorSetRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<IndicatorSet> all() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Indicator>> indicators = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(SETS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = key(rs.getString("code"), rs.getInt("version"));
                    names.put(key, rs.getString("name"));
                    indicators.put(key, new ArrayList<>());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INDICATORS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indicators.get(key(rs.getString("set_code"), rs.getInt("set_version"))).add(new Indicator(
                            rs.getString("code"), rs.getString("group_code"), rs.getString("name_vi"),
                            rs.getString("name_en"), rs.getString("unit"), IndicatorType.of(rs.getString("type")),
                            Aggregation.of(rs.getString("aggregation"))));
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
            try (PreparedStatement ps = INSERT_SET.prepare(c, NamedSql.params().text("code", set.code())
                    .integer("version", set.version()).text("name", set.name()).instant("createdAt", Instant.now()))) {
                if (ps.executeUpdate() == 0) {
                    return; // another replica shipped it at the same time
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_INDICATOR.jdbc())) {
                int position = 0;
                for (Indicator i : set.indicators()) {
                    INSERT_INDICATOR.bind(ps, NamedSql.params().text("setCode", set.code())
                            .integer("setVersion", set.version()).text("code", i.code()).integer("position", position++)
                            .text("groupCode", i.group()).text("nameVi", i.nameVi()).text("nameEn", i.nameEn())
                            .text("unit", i.unit()).text("type", i.type().code())
                            .text("aggregation", i.aggregation().code()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store indicator set " + set.code(), e);
        }
    }

    private static String key(String code, int version) {
        return code + "#" + version;
    }
}
