package vn.actionmonth.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.common.problem.Problems;
import vn.actionmonth.common.validation.TextRules;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who is calling: the unit of the token's {@code unit_id} claim and the roles of its {@code groups}. */
@RequestScoped
public class Caller {

    public static final String UNIT_CLAIM = "unit_id";
    /** Longest subject a token may carry: the columns that record who acted hold this many characters. */
    public static final int MAX_NAME = 200;

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller's unit; a token without a readable {@code unit_id} is refused with 403. */
    public UUID unitId() {
        Object claim = token.getClaim(UNIT_CLAIM);
        String value = claim == null ? null : claim.toString().replace("\"", "");
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw Problems.forbidden("the token carries no valid unit_id claim");
        }
    }

    /**
     * The token's subject, as recorded with every change the caller makes; a subject longer than
     * {@link #MAX_NAME} (or not storable text) is refused with 400 naming the Authorization header.
     */
    public String name() {
        String name = identity.getPrincipal() == null ? "anonymous" : identity.getPrincipal().getName();
        String problem = TextRules.problem(name, MAX_NAME, true);
        if (problem != null) {
            throw Problems.invalid(List.of(Problem.Violation.header("Authorization", "the token's subject " + problem)));
        }
        return name;
    }

    /** The platform roles the token grants (see {@link Roles#ALL}). */
    public Set<String> roles() {
        Set<String> known = new java.util.TreeSet<>(identity.getRoles());
        known.retainAll(Roles.ALL);
        return known;
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean isSystem() {
        return has(Roles.SYSTEM);
    }

    /** Refuses with 403 unless the caller has one of the roles. */
    public void require(String... roles) {
        for (String r : roles) {
            if (has(r)) {
                return;
            }
        }
        throw Problems.forbidden("this needs one of the roles " + String.join(", ", roles));
    }
}
