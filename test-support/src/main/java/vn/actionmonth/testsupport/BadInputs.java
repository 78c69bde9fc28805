package vn.actionmonth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests, generated from a valid one: every leaf of a valid JSON body replaced by a
 * value of the wrong type, an overlong text (one past the field's maxLength in the OpenAPI
 * document), a text that NFC normalisation lengthens past it, a text with a NUL or a lone
 * surrogate, huge and tiny numbers, impossible dates and ids, unknown enum values; then the body
 * as a whole broken, empty, of the wrong shape, of the wrong or no content type, larger than the
 * operation takes; odd headers; and for lists, impossible pages, sizes and filters.
 *
 * <p>{@link #send} sends them all and asserts what a client of a serious system may expect of
 * each: a 4xx, never a 5xx, and every error as problem+json.
 */
public final class BadInputs {

    /** Writes every non-ASCII character as an escape, so that a lone surrogate can be sent at all. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    /** One character that NFC turns into three (a Hebrew ligature excluded from composition). */
    private static final String EXPANDS = "\uFB2C";
    /** The length tried for a text whose schema gives no maxLength: more than any field should take. */
    private static final int UNBOUNDED_TEXT = 100_000;

    /** One malformed request. */
    public record Bad(String label, String method, String path, Map<String, Object> query, Map<String, String> headers,
                      String contentType, Supplier<byte[]> body, long announcedLength) {

        /** A request with a body made when it is sent. */
        public Bad(String label, String method, String path, Map<String, Object> query, Map<String, String> headers,
                   String contentType, Supplier<byte[]> body) {
            this(label, method, path, query, headers, contentType, body, -1);
        }

        /** A request with a body known now. */
        public Bad(String label, String method, String path, Map<String, Object> query, Map<String, String> headers,
                   String contentType, byte[] body) {
            this(label, method, path, query, headers, contentType, body == null ? null : () -> body, -1);
        }

        /**
         * The same request announcing a body of {@code length} bytes: it is sent on a socket of its
         * own, headers first, and the answer read before the body would follow, as a service that
         * refuses by Content-Length must answer.
         */
        public Bad announcing(long length) {
            return new Bad(label, method, path, query, headers, contentType, body, length);
        }

        Answer sendRaw(String token) {
            java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI);
            int port = io.restassured.RestAssured.port;
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), port)) {
                socket.setSoTimeout(30_000);
                StringBuilder head = new StringBuilder(method).append(' ').append(io.restassured.RestAssured.basePath)
                        .append(path).append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(port)
                        .append("\r\nAuthorization: Bearer ").append(token)
                        .append("\r\nContent-Type: ").append(contentType)
                        .append("\r\nContent-Length: ").append(announcedLength).append("\r\n");
                headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                socket.getOutputStream().write(head.append("\r\n{").toString().getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                String status = in.readLine();
                String type = "";
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                        type = line.substring("content-type:".length()).strip();
                    }
                }
                return new Answer(Integer.parseInt(status.split(" ")[1]), type, status);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(label, e);
            }
        }

        Response send(RequestSpecification spec) {
            RequestSpecification r = spec.urlEncodingEnabled(true);
            query.forEach(r::queryParam);
            headers.forEach(r::header);
            if (body != null) {
                r = r.body(body.get());
                r = contentType == null ? r.noContentType() : r.contentType(contentType);
            }
            return r.request(method, path);
        }
    }

    /** The operation a set of bad requests is made for. */
    public record Operation(String method, String template, String path, JsonNode validBody, Map<String, String> headers,
                            long maxBody, boolean bodyOptional) {

        /** A body operation: {@code path} is the template with real ids in it. */
        public static Operation body(String method, String template, String path, JsonNode validBody, long maxBody) {
            return new Operation(method, template, path, validBody, Map.of(), maxBody, false);
        }

        /** An operation without a body. */
        public static Operation noBody(String method, String template, String path) {
            return new Operation(method, template, path, null, Map.of(), 0, true);
        }

        public Operation withHeaders(Map<String, String> headers) {
            return new Operation(method, template, path, validBody, headers, maxBody, bodyOptional);
        }

        /** The body may be left out altogether (an empty or null body is then no error). */
        public Operation withOptionalBody() {
            return new Operation(method, template, path, validBody, headers, maxBody, true);
        }
    }

    private BadInputs() {
    }

    /** Every malformed variant of a request with a JSON body. */
    public static List<Bad> forBody(Operation op, JsonNode openApi) {
        List<Bad> out = new ArrayList<>();
        JsonNode schema = requestSchema(openApi, op.method(), op.template());
        List<String[]> leaves = new ArrayList<>();
        collectLeaves(op.validBody(), "", leaves);
        for (String[] leaf : leaves) {
            String pointer = leaf[0];
            JsonNode value = op.validBody().at(pointer);
            JsonNode field = fieldSchema(openApi, schema, pointer);
            for (String mutation : mutations(value, field).keySet()) {
                Supplier<byte[]> body = () -> bytes(replaced(op.validBody(), pointer, mutations(value, field).get(mutation)));
                out.add(new Bad(op.method() + " " + op.template() + " " + pointer + ": " + mutation, op.method(),
                        op.path(), Map.of(), op.headers(), "application/json", body));
            }
        }
        String label = op.method() + " " + op.template() + " body: ";
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("not JSON", "{\"name\": ".getBytes(StandardCharsets.UTF_8));
        if (!op.bodyOptional()) {
            bodies.put("empty", new byte[0]);
            bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("an array", "[]".getBytes(StandardCharsets.UTF_8));
        bodies.put("a string", "\"Kế hoạch\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("nested 5,000 deep", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.forEach((what, body) -> out.add(new Bad(label + what, op.method(), op.path(), Map.of(), op.headers(),
                "application/json", body)));
        out.add(new Bad(label + "without a content type", op.method(), op.path(), Map.of(), op.headers(), null,
                bytes(op.validBody())));
        out.add(new Bad(label + "as text/plain", op.method(), op.path(), Map.of(), op.headers(), "text/plain",
                bytes(op.validBody())));
        out.add(new Bad(label + "as application/xml", op.method(), op.path(), Map.of(), op.headers(), "application/xml",
                "<plan/>".getBytes(StandardCharsets.UTF_8)));
        out.add(new Bad(label + "larger than the operation takes", op.method(), op.path(), Map.of(), op.headers(),
                "application/json", (byte[]) null).announcing(op.maxBody() + 1));
        return out;
    }

    /** Odd headers on an otherwise valid request: malformed If-Match and Idempotency-Key. */
    public static List<Bad> forHeaders(Operation op, List<String> headers) {
        List<Bad> out = new ArrayList<>();
        byte[] body = op.validBody() == null ? null : bytes(op.validBody());
        String type = op.validBody() == null ? null : "application/json";
        for (String header : headers) {
            for (String value : switch (header) {
                case "If-Match" -> List.of("\"không phải ETag\"", "W/\"x\"", "\"99999999999999999999999\"", "1e5");
                case "Idempotency-Key" -> List.of("k".repeat(201), "khóa có dấu", "key with spaces");
                default -> throw new IllegalArgumentException("no odd values for " + header);
            }) {
                Map<String, String> h = new LinkedHashMap<>(op.headers());
                h.put(header, value);
                out.add(new Bad(op.method() + " " + op.template() + " header " + header + ": " + value, op.method(),
                        op.path(), Map.of(), h, type, body));
            }
        }
        return out;
    }

    /** Impossible pages, sizes and filters for a list. */
    public static List<Bad> forList(String template, String path, Map<String, Object> validQuery, Map<String, List<Object>> badFilters) {
        List<Bad> out = new ArrayList<>();
        Map<String, List<Object>> params = new LinkedHashMap<>();
        params.put("page", List.of(-1, Integer.MAX_VALUE, 2_000_000, "hai", "1e3"));
        params.put("size", List.of(0, -5, 100_000, Integer.MAX_VALUE, "mười"));
        params.putAll(badFilters);
        params.forEach((name, values) -> {
            for (Object value : values) {
                Map<String, Object> q = new LinkedHashMap<>(validQuery);
                q.put(name, value);
                out.add(new Bad("GET " + template + " ?" + name + "=" + value, "GET", path, q, Map.of(), null, (byte[]) null));
            }
        });
        return out;
    }

    /** What came back: the status, the content type and a glimpse of the body. */
    record Answer(int status, String contentType, String glimpse) {
    }

    /**
     * Sends every request as the caller of {@code token} and asserts no 5xx, a 4xx for each, and
     * problem+json for every one.
     *
     * @return how many were sent
     */
    public static int send(List<Bad> requests, String token) {
        List<String> wrong = new ArrayList<>();
        for (Bad bad : requests) {
            Answer a;
            if (bad.announcedLength() >= 0) {
                a = bad.sendRaw(token);
            } else {
                Response r = bad.send(given().auth().oauth2(token));
                String body = r.asString();
                a = new Answer(r.statusCode(), r.contentType() == null ? "" : r.contentType(),
                        body.length() > 200 ? body.substring(0, 200) : body);
            }
            if (a.status() < 400 || a.status() >= 500 || !a.contentType().startsWith("application/problem+json")) {
                wrong.add(String.format("%s -> %d %s %s", bad.label(), a.status(), a.contentType(), a.glimpse()));
            }
        }
        assertThat(wrong).as("malformed requests not answered with a 4xx problem+json").isEmpty();
        return requests.size();
    }

    // ---- mutations

    private static Map<String, JsonNode> mutations(JsonNode value, JsonNode field) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> m = new LinkedHashMap<>();
        String format = field == null ? "" : field.path("format").asText("");
        if (value.isTextual()) {
            String text = value.asText();
            if (format.equals("uuid") || UUID_TEXT.matcher(text).matches()) {
                m.put("not a UUID", f.textNode("khong-phai-uuid"));
                m.put("an unknown UUID", f.textNode("00000000-0000-0000-0000-00000000dead"));
            } else if (format.equals("date-time") || DATE_TIME_TEXT.matcher(text).matches()) {
                m.put("an impossible instant", f.textNode("2024-07-20T25:61:00+07:00"));
                m.put("the year 99999", f.textNode("+99999-07-20T00:00:00+07:00"));
            } else if (format.equals("date") || DATE_TEXT.matcher(text).matches()) {
                m.put("an impossible date", f.textNode("2024-13-45"));
                m.put("the year 99999", f.textNode("+99999-01-01"));
                m.put("the year 1", f.textNode("0001-01-01"));
            }
            if (field != null && field.has("enum")) {
                m.put("an unknown value", f.textNode("KHONG_HOP_LE"));
            }
            if (field != null && field.has("pattern")) {
                String mismatch = mismatching(field.get("pattern").asText());
                if (mismatch != null) {
                    m.put("not matching its pattern", f.textNode(mismatch));
                }
            }
            Integer maxLength = field != null && field.has("maxLength") ? field.get("maxLength").asInt() : null;
            int max = maxLength == null ? UNBOUNDED_TEXT : maxLength;
            m.put("one character too long (" + (max + 1) + ")", f.textNode("x".repeat(max + 1)));
            m.put("NFC lengthens it past " + max, f.textNode(EXPANDS.repeat(Math.max(1, max / 2 + 1))));
            m.put("a NUL inside", f.textNode("Kon\u0000Tum"));
            m.put("a lone surrogate", f.textNode("Kon\uD800Tum"));
            m.put("an object", f.objectNode().put("vi", text));
            m.put("an array", f.arrayNode().add(text));
        } else if (value.isNumber()) {
            m.put("1e400", f.numberNode(new java.math.BigDecimal("1e400")));
            m.put("-1e400", f.numberNode(new java.math.BigDecimal("-1e400")));
            m.put("2^63", f.numberNode(new java.math.BigInteger("9223372036854775808")));
            m.put("-1", f.numberNode(-1));
            m.put("0.5", f.numberNode(0.5));
            m.put("text", f.textNode("mười hai"));
            m.put("an object", f.objectNode());
        } else if (value.isBoolean()) {
            m.put("text", f.textNode("có"));
            m.put("a number", f.numberNode(2));
            m.put("an object", f.objectNode());
        } else if (value.isArray()) {
            m.put("an object", f.objectNode());
            m.put("text", f.textNode("danh sách"));
            // Small items, so that the count is what is too large, not the body.
            JsonNode first = value.isEmpty() ? f.nullNode() : value.get(0);
            JsonNode item = first.isObject() ? f.objectNode() : first.isTextual() ? f.textNode("x")
                    : first.isNumber() ? f.numberNode(1) : f.nullNode();
            ArrayNode many = f.arrayNode();
            for (int i = 0; i < 20_001; i++) {
                many.add(item);
            }
            m.put("20,001 items", many);
        } else if (value.isObject()) {
            m.put("text", f.textNode("đối tượng"));
            m.put("an array", f.arrayNode());
        }
        return m;
    }

    /** A text the pattern (searched for, as JSON Schema reads it) does not find; null when each candidate matches. */
    private static String mismatching(String pattern) {
        Pattern p = Pattern.compile(pattern);
        for (String candidate : List.of("không hợp lệ!", " ", "!!!", "abc", "123", "A.B")) {
            if (!p.matcher(candidate).find()) {
                return candidate;
            }
        }
        return null;
    }

    /** JSON pointers of every value worth mutating: scalars, arrays and objects, the root excluded. */
    private static void collectLeaves(JsonNode node, String pointer, List<String[]> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (!e.getValue().isNull()) {
                    out.add(new String[] {p});
                }
                if (e.getValue().isContainerNode()) {
                    collectLeaves(e.getValue(), p, out);
                }
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String p = pointer + "/0";
            if (!node.get(0).isNull()) {
                out.add(new String[] {p});
            }
            if (node.get(0).isContainerNode()) {
                collectLeaves(node.get(0), p, out);
            }
        }
    }

    private static JsonNode replaced(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
        return copy;
    }

    // ---- the OpenAPI document: the schema of a request body and the maxLength of a field in it

    static JsonNode requestSchema(JsonNode openApi, String method, String template) {
        JsonNode op = openApi.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
        return op.path("requestBody").path("content").path("application/json").path("schema");
    }

    /** The schema of the field at {@code pointer} of a body of {@code schema}; null when the document does not say. */
    static JsonNode fieldSchema(JsonNode openApi, JsonNode schema, String pointer) {
        JsonNode s = resolve(openApi, schema);
        for (String part : pointer.substring(1).split("/")) {
            if (s == null || s.isMissingNode()) {
                return null;
            }
            if (s.has("items") && part.matches("\\d+")) {
                s = resolve(openApi, s.get("items"));
            } else {
                s = resolve(openApi, s.path("properties").path(part.replace("~1", "/").replace("~0", "~")));
            }
        }
        return s == null || s.isMissingNode() ? null : s;
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s != null; i++) {
            if (s.has("$ref")) {
                String ref = s.get("$ref").asText();
                s = openApi.at(ref.substring(1));
            } else if (s.has("allOf") && s.get("allOf").size() > 0) {
                JsonNode withProps = null;
                for (JsonNode part : s.get("allOf")) {
                    JsonNode r = resolve(openApi, part);
                    if (r != null && (r.has("properties") || r.has("maxLength") || r.has("items"))) {
                        withProps = r;
                    }
                }
                return withProps;
            } else {
                return s;
            }
        }
        return s;
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
