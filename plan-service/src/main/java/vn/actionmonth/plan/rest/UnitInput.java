package vn.actionmonth.plan.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.actionmonth.plan.domain.UnitKind;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "UnitInput", description = "A unit to create, or its new state on update (the parent changes only by a move)")
public record UnitInput(
        @NotNull @Schema(description = "What the unit is", examples = "COMMUNE") UnitKind kind,
        @NotBlank @Size(max = 300) @Schema(description = "Vietnamese name", examples = "Phường Nguyễn Trãi") String name,
        @Size(max = 100) @Schema(description = "Short name", examples = "P. Nguyễn Trãi") String shortName,
        @Pattern(regexp = "[0-9]{2,5}", message = "must be 2 to 5 digits") @Schema(description = "Administrative unit code (mã đơn vị hành chính)", examples = "23305") String adminCode,
        @Pattern(regexp = "[0-9A-Z.]{1,35}", message = "must be at most 35 characters of 0-9, A-Z and dots (QCVN 102)") @Schema(description = "Agency identifier (mã định danh cơ quan, QCVN 102)", examples = "000.00.00.H41") String agencyCode,
        @Size(max = 200) @Schema(description = "Contact e-mail", examples = "ubndphuongnguyentrai@kontum.gov.vn") String email,
        @Size(max = 50) @Schema(description = "Contact phone", examples = "0260 3862 123") String phone,
        @Size(max = 500) @Schema(description = "Postal address", examples = "Phường Nguyễn Trãi, thành phố Kon Tum, tỉnh Kon Tum") String address,
        @Schema(description = "Reporting parent (on create; null creates a root, system accounts only)", examples = "0c4a5f3e-4a51-3c8e-a1b7-6d2f0e9b7c21") UUID parentId,
        @Schema(description = "First day the unit exists (default: today)", examples = "2024-01-01") LocalDate validFrom,
        @Schema(description = "Last day plus one, when known", examples = "2025-07-01") LocalDate validTo) {
}
