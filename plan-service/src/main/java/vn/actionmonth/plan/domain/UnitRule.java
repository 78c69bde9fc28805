package vn.actionmonth.plan.domain;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Reporting units given by rule, as plans write them ("các sở, ban, ngành, UBND các huyện"):
 * every current unit of one of {@code kinds} among the issuer's children, or anywhere in its
 * subtree. Resolved when the plan is published and kept up to date while it is open: a unit that
 * appears under the issuer owes a report from then on, one that ceases hands its obligation to
 * its successor or, retired without one, is let off. Stored as jsonb with its requirement.
 */
@Schema(name = "UnitRule", description = "Reporting units by rule: every current unit of one of the kinds among the "
        + "issuer's children (CHILDREN) or in its whole subtree (SUBTREE); the issuer itself, the recipient and the "
        + "consolidating unit are never among them. Resolved at publication and kept up to date while the plan is open.")
public record UnitRule(
        @NotEmpty @Size(max = 7) @Schema(examples = "[\"DISTRICT\", \"DEPARTMENT\"]") List<@NotNull UnitKind> kinds,
        @Schema(description = "Default CHILDREN", examples = "CHILDREN") Depth depth) {

    public enum Depth { CHILDREN, SUBTREE }

    public Depth depthOrDefault() {
        return depth == null ? Depth.CHILDREN : depth;
    }

    /** Whether {@code u}, a current unit, is reached by the rule from {@code issuer}. */
    public boolean matches(OrgUnit issuer, OrgUnit u) {
        if (u.retired || u.id.equals(issuer.id) || !kinds.contains(u.kind)) {
            return false;
        }
        return depthOrDefault() == Depth.CHILDREN ? issuer.id.equals(u.parentId) : u.path.startsWith(issuer.path);
    }
}
