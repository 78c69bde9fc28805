package vn.actionmonth.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Signer", description = "Who signed the plan and in what capacity")
public record Signer(
        @Schema(examples = "Tổng Thanh Hải") String name,
        @Schema(description = "Signing title, lines separated by \" / \"", examples = "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") String title) {
}
