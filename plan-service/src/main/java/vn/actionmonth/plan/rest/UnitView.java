package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.UnitKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Unit", description = "A unit of the reporting tree")
public record UnitView(
        @Schema(examples = "3f0e4b7a-6a31-3f6e-9d1a-2b0c4f1e9a11") UUID id,
        @Schema(examples = "COMMUNE") UnitKind kind,
        @Schema(examples = "Phường Nguyễn Trãi") String name,
        @Schema(examples = "P. Nguyễn Trãi") String shortName,
        @Schema(description = "Administrative unit code", examples = "23305") String adminCode,
        @Schema(description = "QCVN 102 agency identifier", examples = "000.00.00.H41") String agencyCode,
        @Schema(examples = "ubndphuongnguyentrai@kontum.gov.vn") String email,
        @Schema(examples = "0260 3862 123") String phone,
        @Schema(examples = "Phường Nguyễn Trãi, thành phố Kon Tum") String address,
        @Schema(description = "Current reporting parent; null for a root") UUID parentId,
        @Schema(description = "Ids from the root down to the parent") List<UUID> ancestorIds,
        @Schema(description = "0 for a root", examples = "3") int depth,
        @Schema(examples = "2024-01-01") LocalDate validFrom,
        @Schema(examples = "2025-07-01") LocalDate validTo,
        @Schema(examples = "false") boolean retired,
        @Schema(description = "Every reporting parent the unit has had") List<ParentPeriodView> parentHistory,
        @Schema(description = "Increases with every change; the ETag", examples = "1") long version) {

    @Schema(name = "ParentPeriod", description = "A reporting parent and the dates it held (to is exclusive, null while current)")
    public record ParentPeriodView(UUID parentId, @Schema(examples = "2024-01-01") LocalDate from,
                                   @Schema(examples = "2025-07-01") LocalDate to) {
    }

    public static UnitView of(OrgUnit u) {
        return new UnitView(u.id, u.kind, u.name, u.shortName, u.adminCode, u.agencyCode, u.email, u.phone, u.address,
                u.parentId, u.ancestorIds(), u.depth, u.validFrom, u.validTo, u.retired,
                u.parentHistory.stream().map(p -> new ParentPeriodView(p.parentId, p.validFrom, p.validTo)).toList(),
                u.version);
    }
}
