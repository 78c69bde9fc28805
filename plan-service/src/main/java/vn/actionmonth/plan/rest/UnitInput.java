package vn.actionmonth.plan.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.common.validation.DateBounds;
import vn.actionmonth.common.validation.Text;
import vn.actionmonth.plan.domain.UnitKind;
import vn.actionmonth.plan.domain.UnitLimits;
import vn.actionmonth.plan.service.UnitDraft;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "UnitInput", description = "A unit to create, or its new state on update (the parent changes only by a move)")
public record UnitInput(
        @NotNull @Schema(description = "What the unit is", examples = "COMMUNE") UnitKind kind,
        @NotBlank @Text(max = UnitLimits.NAME, singleLine = true) @Schema(description = "Vietnamese name", examples = "Phường Nguyễn Trãi", maxLength = UnitLimits.NAME) String name,
        @Text(max = UnitLimits.SHORT_NAME, singleLine = true) @Schema(description = "Short name", examples = "P. Nguyễn Trãi", maxLength = UnitLimits.SHORT_NAME) String shortName,
        @Pattern(regexp = "[0-9]{2,5}", message = "must be 2 to 5 digits") @Schema(description = "Administrative unit code (mã đơn vị hành chính)", examples = "23305") String adminCode,
        @Pattern(regexp = "[0-9A-Z.]{1,35}", message = "must be at most 35 characters of 0-9, A-Z and dots (QCVN 102)") @Schema(description = "Agency identifier (mã định danh cơ quan, QCVN 102)", examples = "000.00.00.H41") String agencyCode,
        @Text(max = UnitLimits.EMAIL, singleLine = true) @Schema(description = "Contact e-mail", examples = "ubndphuongnguyentrai@kontum.gov.vn", maxLength = UnitLimits.EMAIL) String email,
        @Text(max = UnitLimits.PHONE, singleLine = true) @Schema(description = "Contact phone", examples = "0260 3862 123", maxLength = UnitLimits.PHONE) String phone,
        @Text(max = UnitLimits.ADDRESS) @Schema(description = "Postal address", examples = "Phường Nguyễn Trãi, thành phố Kon Tum, tỉnh Kon Tum", maxLength = UnitLimits.ADDRESS) String address,
        @Schema(description = "Reporting parent (on create; null creates a root, system accounts only)", examples = "0c4a5f3e-4a51-3c8e-a1b7-6d2f0e9b7c21") UUID parentId,
        @DateBounds @Schema(description = "First day the unit exists (default: today)", examples = "2024-01-01") LocalDate validFrom,
        @DateBounds @Schema(description = "Last day plus one, when known", examples = "2025-07-01") LocalDate validTo) {

    public UnitDraft toDraft() {
        return new UnitDraft(kind, name, shortName, adminCode, agencyCode, email, phone, address, parentId, validFrom, validTo);
    }
}
