package vn.actionmonth.report.domain;

import vn.actionmonth.common.units.UnitPath;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Figures as now: every unit's own figures mapped through the lineage to today's units, then
 * added up for a unit of today and for each of its children.
 *
 * <p>The rule, for an additive indicator (sum or count of true) and a unit U of today: an old
 * unit whose figures go whole, or by agreed allocations, to units of U's subtree adds that share,
 * rounded half up; one whose figures go partly into U's subtree by an unknown share adds to the
 * upper bound only. U's value is then exact, or a range from the figures certainly inside to those
 * possibly inside. Units no reorganisation touched count where they are.
 */
public final class AsNow {

    /** The bucket of U's own row (figures that land on U itself); the others are U's children's ids. */
    public static final UUID OWN = new UUID(0, 0);
    /** The bucket of U's whole subtree: its total. */
    public static final UUID WHOLE = new UUID(0, 1);

    private AsNow() {
    }

    /**
     * @param own     each unit's own figure (one indicator)
     * @param lineage the lineage of every reorganisation
     * @param pathOf  today's path ('/root/…/unit/') of a unit, null when unknown
     * @param target  the path of U
     * @return the bounds per bucket: {@link #WHOLE}, {@link #OWN} and each child's id
     */
    public static Map<UUID, Bounds> distribute(Map<UUID, Long> own, LineageMap lineage, Function<UUID, String> pathOf,
                                               String target) {
        Map<UUID, Bounds> out = new HashMap<>();
        for (Map.Entry<UUID, Long> e : own.entrySet()) {
            long value = e.getValue();
            if (value == 0) {
                continue;
            }
            List<LineageMap.Part> parts = lineage.partsOf(e.getKey());
            boolean exact = parts.stream().allMatch(p -> p.weight() != null);
            Map<UUID, BigDecimal> inBucket = new HashMap<>();
            BigDecimal inside = BigDecimal.ZERO;
            boolean anyInside = false;
            boolean allInside = true;
            for (LineageMap.Part p : parts) {
                UUID bucket = bucketOf(pathOf.apply(p.unit()), target);
                if (bucket == null) {
                    allInside = false;
                    continue;
                }
                anyInside = true;
                BigDecimal w = p.weight() == null ? BigDecimal.ONE : p.weight();
                inBucket.merge(bucket, w, BigDecimal::add);
                inside = inside.add(w);
            }
            if (!anyInside) {
                continue;
            }
            if (exact) {
                out.merge(WHOLE, Bounds.ZERO.plus(share(value, inside)), AsNow::sum);
                inBucket.forEach((b, w) -> out.merge(b, Bounds.ZERO.plus(share(value, w)), AsNow::sum));
            } else {
                out.merge(WHOLE, allInside ? Bounds.ZERO.plus(value) : Bounds.ZERO.plusUpperOnly(value), AsNow::sum);
                boolean single = inBucket.size() == 1 && allInside;
                inBucket.keySet().forEach(b -> out.merge(b, single ? Bounds.ZERO.plus(value)
                        : Bounds.ZERO.plusUpperOnly(value), AsNow::sum));
            }
        }
        return out;
    }

    private static Bounds sum(Bounds a, Bounds b) {
        return new Bounds(a.low() + b.low(), a.high() + b.high());
    }

    private static long share(long value, BigDecimal weight) {
        return BigDecimal.valueOf(value).multiply(weight).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** {@link #OWN} when {@code path} is the target, the child's id when it lies under one, null outside. */
    static UUID bucketOf(String path, String target) {
        if (path == null || !UnitPath.isWithin(path, target)) {
            return null;
        }
        return path.length() == target.length() ? OWN : UnitPath.childOn(path, target);
    }
}
