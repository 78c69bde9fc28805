package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.service.UnitRow;

/**
 * One unit of an import file. A unit is known by {@code code} (its administrative code) or, for
 * units without one (departments, mass organisations, offices), by {@code agencyCode}; the import
 * is idempotent by that key. {@code parentCode} names the parent by either code, in the file or
 * already in the tree; blank means "directly under the import's root".
 */
@Schema(name = "ImportRow", description = "One unit of an import: known by code (or agencyCode), parent by parentCode")
public record ImportRow(
        @Schema(description = "Administrative unit code", examples = "23305") String code,
        @Schema(description = "Vietnamese name", examples = "Phường Nguyễn Trãi") String name,
        @Schema(description = "Kind; derived from the code's length (2 province, 3 district, 5 commune) when absent", examples = "COMMUNE") String kind,
        @Schema(description = "Code or agency code of the parent; blank for units directly under the root", examples = "608") String parentCode,
        @Schema(description = "Short name", examples = "P. Nguyễn Trãi") String shortName,
        @Schema(description = "QCVN 102 agency identifier", examples = "000.00.00.H41") String agencyCode) {

    public UnitRow toRow() {
        return new UnitRow(code, name, kind, parentCode, shortName, agencyCode);
    }
}
