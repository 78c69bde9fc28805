package vn.actionmonth.report.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where a unit's figures belong on today's tree: the unit mapped through every reorganisation's
 * lineage, edge after edge, to the units that exist now. A FULL edge carries all of an old unit's
 * figures; a PARTIAL one carries the agreed allocation when there is one, else an unknown share.
 */
public final class LineageMap {

    /** Old unit went, whole ({@code full}) or in part, into new unit; {@code allocation} only for a part, when agreed. */
    public record Edge(UUID oldUnit, UUID newUnit, boolean full, BigDecimal allocation) {
    }

    /** A unit of today and the share of the figures it takes: null when the share is not known. */
    public record Part(UUID unit, BigDecimal weight) {
    }

    private final Map<UUID, List<Edge>> out = new HashMap<>();
    private final Map<UUID, List<Part>> memo = new HashMap<>();

    public LineageMap(Collection<Edge> edges) {
        for (Edge e : edges) {
            if (!e.oldUnit().equals(e.newUnit())) {
                out.computeIfAbsent(e.oldUnit(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** The units of today that {@code unit}'s figures go to; the unit itself when it has no successor. */
    public List<Part> partsOf(UUID unit) {
        return partsOf(unit, new HashSet<>());
    }

    private List<Part> partsOf(UUID unit, Set<UUID> visiting) {
        List<Part> known = memo.get(unit);
        if (known != null) {
            return known;
        }
        List<Edge> edges = out.get(unit);
        if (edges == null || !visiting.add(unit)) {
            return List.of(new Part(unit, BigDecimal.ONE));
        }
        Map<UUID, BigDecimal> weights = new LinkedHashMap<>();
        Set<UUID> unknown = new HashSet<>();
        for (Edge e : edges) {
            BigDecimal w = e.full() ? BigDecimal.ONE : e.allocation();
            for (Part p : partsOf(e.newUnit(), visiting)) {
                if (w == null || p.weight() == null) {
                    unknown.add(p.unit());
                    weights.putIfAbsent(p.unit(), null);
                } else if (!unknown.contains(p.unit())) {
                    weights.merge(p.unit(), w.multiply(p.weight()), BigDecimal::add);
                }
            }
        }
        visiting.remove(unit);
        List<Part> parts = new ArrayList<>();
        weights.forEach((u, w) -> parts.add(new Part(u, unknown.contains(u) ? null : w)));
        memo.put(unit, parts);
        return parts;
    }
}
