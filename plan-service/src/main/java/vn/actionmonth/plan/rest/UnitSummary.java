package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.domain.OrgUnit;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitVersion;
import vn.actionmonth.plan.service.ListedUnit;

import java.time.LocalDate;

import java.util.UUID;

@Schema(name = "UnitSummary", description = "A unit in a list: who it is and where it sits")
public record UnitSummary(
        @Schema(examples = "3f0e4b7a-6a31-3f6e-9d1a-2b0c4f1e9a11") UUID id,
        @Schema(examples = "COMMUNE") UnitKind kind,
        @Schema(examples = "Phường Nguyễn Trãi") String name,
        @Schema(examples = "23305") String adminCode,
        @Schema(examples = "000.00.00.H41") String agencyCode,
        UUID parentId,
        @Schema(examples = "3") int depth,
        @Schema(examples = "false") boolean retired,
        @Schema(description = "First day of what this row shows: the unit's, or with asOf the version's", examples = "2024-01-01")
        LocalDate validFrom,
        @Schema(description = "Day it ceased to hold (exclusive); null while it holds", examples = "2025-07-01")
        LocalDate validTo) {

    public static UnitSummary of(ListedUnit u) {
        return new UnitSummary(u.id(), u.kind(), u.name(), u.adminCode(), u.agencyCode(), u.parentId(), u.depth(),
                u.retired(), u.validFrom(), u.validTo());
    }

    public static UnitSummary of(OrgUnit u) {
        return of(ListedUnit.of(u));
    }

    public static UnitSummary of(UnitVersion v) {
        return of(ListedUnit.of(v));
    }
}
