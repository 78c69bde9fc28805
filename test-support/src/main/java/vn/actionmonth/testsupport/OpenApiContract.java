package vn.actionmonth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What an integrator's client generator needs from a service's OpenAPI document. */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
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
        try {
            JsonNode paths = new ObjectMapper().readTree(openApiJson).get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    String operation = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    String id = op.getValue().path("operationId").asText("");
                    if (id.isEmpty()) {
                        missing.add(operation);
                    } else {
                        ids.put(operation, id);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("not an OpenAPI document", e);
        }
        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(ids.values()).as("operationIds").allMatch(id -> OPERATION_ID.matcher(id).matches())
                .doesNotHaveDuplicates();
        return ids;
    }
}
