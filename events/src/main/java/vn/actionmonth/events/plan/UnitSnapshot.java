package vn.actionmonth.events.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole current state of an org unit, carried by every unit event so that the last event per
 * key on the compacted units topic is enough to rebuild the tree.
 *
 * @param kind          MINISTRY, PROVINCE, DEPARTMENT, MASS_ORGANISATION, DISTRICT, COMMUNE or OFFICE
 * @param name          Vietnamese name, NFC, e.g. "Phường Nguyễn Trãi"
 * @param adminCode     administrative unit code (mã đơn vị hành chính), e.g. "23305"; may be null
 * @param agencyCode    QCVN 102 agency identifier, e.g. "000.00.00.H41"; may be null
 * @param parentId      current reporting parent; null for the root
 * @param ancestorIds   current reporting path from the root down to the parent
 * @param parentHistory every reporting parent the unit has had, with the dates each held
 * @param version       increases with every change of this unit
 */
public record UnitSnapshot(UUID id, String kind, String name, String shortName, String adminCode,
                           String agencyCode, UUID parentId, List<UUID> ancestorIds,
                           List<ParentPeriod> parentHistory, LocalDate validFrom, LocalDate validTo,
                           boolean retired, long version) {

    /** A reporting parent and the dates it held: {@code to} is exclusive and null while current. */
    public record ParentPeriod(UUID parentId, LocalDate from, LocalDate to) {
    }
}
