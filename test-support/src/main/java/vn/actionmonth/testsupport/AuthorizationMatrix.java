package vn.actionmonth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's authorization as a table: for every operation of its OpenAPI document, the status
 * each role gets from each place in the tree. Every operation is called by every {@link Role} from
 * every {@link Relation} to the unit it concerns, and the statuses must be the table's. An
 * operation of the document without a row fails the test, so no endpoint ships unjudged.
 *
 * <p>A row states what an allowed call answers ({@link Row#allowed}: the status of a request the
 * access check lets through, which for writes is chosen to change nothing, e.g. a stale If-Match
 * that then answers 412) and which callers are allowed; everyone else gets 403.
 */
public final class AuthorizationMatrix {

    /** The roles of the platform, and a token that carries none of them. */
    public enum Role {
        ADMIN, PLANNER, REPORTER, APPROVER, VIEWER, SYSTEM, NONE;

        public String group() {
            return this == NONE ? "offline_access" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where the caller's unit stands from the unit an operation concerns. */
    public enum Relation {
        /** The unit itself. */
        SAME,
        /** Its parent. */
        ANCESTOR,
        /** The root of the tree (the ministry), above its parent. */
        ROOT,
        /** One of its children. */
        DESCENDANT,
        /** Another child of its parent. */
        PEER,
        /** A unit of another province. */
        OTHER_PROVINCE
    }

    /** One call: who calls, from where, and the unit of that place. */
    public record Call(Role role, Relation relation, UUID callerUnit) {
    }

    /** The units of one target and of the places around it. */
    public record Places(Map<Relation, UUID> units) {

        /** The target ({@code same}) and one unit of each place around it. */
        public static Places of(UUID same, UUID ancestor, UUID root, UUID descendant, UUID peer, UUID otherProvince) {
            Map<Relation, UUID> m = new java.util.EnumMap<>(Relation.class);
            m.put(Relation.SAME, same);
            m.put(Relation.ANCESTOR, ancestor);
            m.put(Relation.ROOT, root);
            m.put(Relation.DESCENDANT, descendant);
            m.put(Relation.PEER, peer);
            m.put(Relation.OTHER_PROVINCE, otherProvince);
            return new Places(m);
        }

        public UUID of(Relation r) {
            UUID u = units.get(r);
            if (u == null) {
                throw new IllegalArgumentException("no unit for " + r);
            }
            return u;
        }

        public UUID target() {
            return of(Relation.SAME);
        }
    }

    /**
     * A row of the table.
     *
     * @param operation "METHOD /path/{template}" as the OpenAPI document has it
     * @param places    the target unit of the operation and the units around it
     * @param request   sends the request, given the caller's prepared request (token set) and the call
     * @param allowed   who passes the access check
     * @param status    what an allowed call answers
     */
    public record Row(String operation, Places places, BiFunction<RequestSpecification, Call, Response> request,
                      BiPredicate<Role, Relation> allowed, Function<Call, Integer> status) {

        public int expected(Call call) {
            return allowed.test(call.role(), call.relation()) ? status.apply(call) : 403;
        }
    }

    /** Mints a token for a unit with a group. */
    public interface Tokens {
        String token(UUID unit, String group);
    }

    private AuthorizationMatrix() {
    }

    /** Every "METHOD /path" of an OpenAPI document (JSON). */
    public static Set<String> operations(String openApiJson) {
        return new TreeSet<>(operationNodes(openApiJson).keySet());
    }

    /** Every operation of an OpenAPI document (JSON) by "METHOD /path", in the document's order. */
    static Map<String, JsonNode> operationNodes(String openApiJson) {
        try {
            JsonNode paths = new ObjectMapper().readTree(openApiJson).get("paths");
            Map<String, JsonNode> ops = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = methods.next();
                    if (List.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
                        ops.put(m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), m.getValue());
                    }
                }
            }
            return ops;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not an OpenAPI document", e);
        }
    }

    /**
     * Calls every row with every role from every place, and fails listing every call whose status
     * differs from the table's, and every documented operation without a row.
     *
     * @return the size of the matrix: operations × roles × relations
     */
    public static int check(Set<String> documented, List<Row> rows, Tokens tokens) {
        Set<String> judged = new TreeSet<>();
        rows.forEach(r -> judged.add(r.operation()));
        Set<String> unjudged = new TreeSet<>(documented);
        unjudged.removeAll(judged);
        assertThat(unjudged).as("operations of the OpenAPI document without a row in the authorization table").isEmpty();
        Set<String> unknown = new TreeSet<>(judged);
        unknown.removeAll(documented);
        assertThat(unknown).as("rows for operations the OpenAPI document does not have").isEmpty();

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (Row row : rows) {
            for (Relation relation : Relation.values()) {
                UUID caller = row.places().of(relation);
                for (Role role : Role.values()) {
                    Call call = new Call(role, relation, caller);
                    int expected = row.expected(call);
                    Response response = row.request().apply(given().auth().oauth2(tokens.token(caller, role.group())), call);
                    calls.merge(row.operation(), 1, Integer::sum);
                    if (response.statusCode() != expected) {
                        wrong.add(String.format("%-55s %-9s from %-14s expected %d, got %d %s", row.operation(), role,
                                relation, expected, response.statusCode(), abbreviate(response.asString())));
                    }
                }
            }
        }
        int size = judged.size() * Role.values().length * Relation.values().length;
        System.out.printf("authorization matrix: %d operations x %d roles x %d relations = %d calls%n", judged.size(),
                Role.values().length, Relation.values().length, size);
        assertThat(wrong).as("calls whose status differs from the authorization table").isEmpty();
        return size;
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replace('\n', ' ');
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
    }

    // ---- predicates rows are written with

    /** Anyone with a role of the platform. */
    public static BiPredicate<Role, Relation> anyRole() {
        return (role, relation) -> role != Role.NONE;
    }

    /** The roles given, from the relations given. */
    public static BiPredicate<Role, Relation> roles(Set<Role> roles, Set<Relation> from) {
        return (role, relation) -> roles.contains(role) && from.contains(relation);
    }

    /** Anyone with a role, from the relations given; system accounts from anywhere. */
    public static BiPredicate<Role, Relation> readers(Set<Relation> from) {
        return (role, relation) -> role == Role.SYSTEM || (role != Role.NONE && from.contains(relation));
    }

    /** The roles given from the relations given, and system accounts from anywhere. */
    public static BiPredicate<Role, Relation> rolesOrSystem(Set<Role> roles, Set<Relation> from) {
        return (role, relation) -> role == Role.SYSTEM || (roles.contains(role) && from.contains(relation));
    }

    public static BiPredicate<Role, Relation> systemOnly() {
        return (role, relation) -> role == Role.SYSTEM;
    }

    public static Function<Call, Integer> always(int status) {
        return call -> status;
    }
}
