package vn.actionmonth.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What an integrator's client generator needs from a service's OpenAPI document. */
public final class OpenApiContract {

    /** A verb and a noun, as a generated client's method reads: submitReport, listDeadlines. */
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+[A-Z][A-Za-z]*");

    private OpenApiContract() {
    }

    /**
     * Fails unless every operation has an operationId of that form, none used twice.
     *
     * @return the operationIds by "METHOD /path"
     */
    public static Map<String, String> requireOperationIds(String openApiJson) {
        Map<String, String> ids = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        AuthorizationMatrix.operationNodes(openApiJson).forEach((operation, node) -> {
            String id = node.path("operationId").asText("");
            if (id.isEmpty()) {
                missing.add(operation);
            } else {
                ids.put(operation, id);
            }
        });
        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(ids.values()).as("operationIds").allMatch(id -> OPERATION_ID.matcher(id).matches())
                .doesNotHaveDuplicates();
        return ids;
    }
}
