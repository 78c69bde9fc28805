package vn.actionmonth.common.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import vn.actionmonth.common.problem.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts every service's OpenAPI document shares. It documents the answers every operation
 * shares, the way the service really gives them, so that a resource annotates only what is its own
 * (201, 409, 428…):
 * <ul>
 *   <li>every 4xx and 5xx is {@code application/problem+json} with the {@code Problem} schema;</li>
 *   <li>400 where the operation takes parameters or a body, 404 where it has path parameters, 412
 *   where it takes {@code If-Match}, 413 and 415 where it takes a body;</li>
 *   <li>503 with {@code Retry-After} on every operation (the database or the broker is away);</li>
 *   <li>{@code X-Request-Id} on every answer; {@code Location} on every 201;</li>
 *   <li>media types lose the server-side {@code ;qs=} preference, which is not part of the contract.</li>
 * </ul>
 * The licence gets an SPDX identifier, and the schema of the generic {@code Page<T>} itself goes
 * (operations return its parametrized forms, {@code PagePlanView} and the like).
 * The check that the tests' observed statuses are all documented keeps this honest.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String REQUEST_ID = "X-Request-Id";
    static final String RETRY_AFTER = "Retry-After";
    static final String LOCATION = "Location";
    static final String ETAG = "ETag";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null
                && openAPI.getInfo().getLicense().getUrl() == null) {
            openAPI.getInfo().getLicense().setIdentifier("LicenseRef-Proprietary");
        }
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        if (components.getSchemas() != null && components.getSchemas().containsKey(Page.class.getSimpleName())) {
            components.removeSchema(Page.class.getSimpleName());
        }
        components.addHeader(REQUEST_ID, header("The request's id: the one sent, or a new one. Quote it when reporting "
                + "a problem; it is in every log line and event the request caused.", Schema.SchemaType.STRING));
        components.addHeader(RETRY_AFTER, header("Seconds to wait before retrying", Schema.SchemaType.INTEGER));
        components.addHeader(LOCATION, header("The address of the created resource", Schema.SchemaType.STRING));
        components.addHeader(ETAG, header("The version of the resource, for If-Match on its next change", Schema.SchemaType.STRING));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item ->
                item.getOperations().values().forEach(operation -> document(item, operation)));
    }

    private static void document(PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean body = operation.getRequestBody() != null;
        if (body || !parameters.isEmpty()) {
            addIfAbsent(responses, "400", "Bad input: `violations` names each wrong field and where it is");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addIfAbsent(responses, "404", "Nothing with that id, or nothing the caller may see");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
            addIfAbsent(responses, "412", "If-Match does not match the current ETag: read the resource again");
        }
        if (body) {
            addIfAbsent(responses, "413", "The body is larger than this operation takes");
            addIfAbsent(responses, "415", "The body's Content-Type is not one this operation takes");
            stripQualities(operation.getRequestBody().getContent());
        }
        addIfAbsent(responses, "503", "The database or the broker is unavailable for now: retry after Retry-After seconds");
        responses.getAPIResponse("503").addHeader(RETRY_AFTER, ref(RETRY_AFTER));
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (response.getRef() != null) {
                    return;
                }
                response.addHeader(REQUEST_ID, ref(REQUEST_ID));
                if ("201".equals(status)) {
                    response.addHeader(LOCATION, ref(LOCATION));
                }
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.setContent(problemContent());
                } else {
                    stripQualities(response.getContent());
                }
            });
        }
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }

    /** {@code application/json;qs=0.9} is how a resource ranks its media types; clients see {@code application/json}. */
    private static void stripQualities(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        Map<String, MediaType> types = new LinkedHashMap<>(content.getMediaTypes());
        types.forEach((name, type) -> {
            int semicolon = name.indexOf(';');
            if (semicolon > 0) {
                content.removeMediaType(name);
                content.addMediaType(name.substring(0, semicolon).trim(), type);
            }
        });
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref(name);
    }
}
