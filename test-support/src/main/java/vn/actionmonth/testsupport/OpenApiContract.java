package vn.actionmonth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What an integrator's client generator needs from a service's OpenAPI document. */
public final class OpenApiContract {

    /** Set to rewrite the committed documents from the live ones: {@code -Dopenapi.write=true}. */
    private static final boolean WRITE = Boolean.getBoolean("openapi.write");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    /**
     * Fails unless the live document equals the committed one (keys sorted, so that only a change
     * of the API is a change of the file): a change to the API is a reviewed diff. With
     * {@code -Dopenapi.write=true} the committed file is rewritten instead.
     */
    public static void requireCommitted(String liveJson, Path committed) {
        try {
            String live = JSON.writeValueAsString(sorted(JSON.readTree(liveJson))) + "\n";
            if (WRITE) {
                Files.createDirectories(committed.toAbsolutePath().getParent());
                Files.writeString(committed, live, StandardCharsets.UTF_8);
            }
            assertThat(committed).as("the committed OpenAPI document").isRegularFile();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as("%s differs from the live document: review the change, rerun the test with "
                            + "-Dopenapi.write=true and commit the file", committed)
                    .isEqualTo(live);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(n -> out.set(n, sorted(o.get(n))));
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = JSON.createArrayNode();
            a.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }
}
