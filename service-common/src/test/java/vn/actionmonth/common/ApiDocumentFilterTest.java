package vn.actionmonth.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;
import vn.actionmonth.common.rest.ApiDocumentFilter;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentFilterTest {

    private final ApiDocumentFilter filter = new ApiDocumentFilter();

    @Test
    void aWriteWithAPathParameterIfMatchAndABodyListsEveryAnswerItCanGive() {
        Operation put = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                        .addMediaType("application/json;qs=0.9", OASFactory.createMediaType())))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Saved"))
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("Not a draft")));
        OpenAPI document = document("/api/v1/plans/{id}", OASFactory.createPathItem().PUT(put));

        filter.filterOpenAPI(document);

        assertThat(put.getResponses().getAPIResponses().keySet())
                .containsExactlyInAnyOrder("200", "400", "404", "409", "412", "413", "415", "503");
        put.getResponses().getAPIResponses().forEach((status, response) -> {
            assertThat(response.getHeaders()).as(status).containsKey("X-Request-Id");
            if (!status.startsWith("2")) {
                assertThat(response.getContent().getMediaTypes()).as(status).containsOnlyKeys("application/problem+json");
                assertThat(response.getContent().getMediaType("application/problem+json").getSchema().getRef())
                        .isEqualTo("#/components/schemas/Problem");
            }
        });
        assertThat(put.getResponses().getAPIResponse("409").getDescription()).isEqualTo("Not a draft");
        assertThat(put.getResponses().getAPIResponse("503").getHeaders()).containsKey("Retry-After");
        assertThat(put.getRequestBody().getContent().getMediaTypes()).containsOnlyKeys("application/json");
    }

    @Test
    void aReadWithoutParametersGetsNeitherBadInputNorNotFound() {
        Operation get = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("The campaigns")));
        filter.filterOpenAPI(document("/api/v1/campaigns", OASFactory.createPathItem().GET(get)));

        assertThat(get.getResponses().getAPIResponses().keySet()).containsExactlyInAnyOrder("200", "503");
    }

    @Test
    void aCreatedAnswerCarriesItsLocation() {
        APIResponse created = OASFactory.createAPIResponse().description("Created");
        Operation post = OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("201", created));
        filter.filterOpenAPI(document("/api/v1/campaigns", OASFactory.createPathItem().POST(post)));

        assertThat(created.getHeaders()).containsKeys("Location", "X-Request-Id");
        assertThat(created.getHeaders().get("Location").getRef()).isEqualTo("#/components/headers/Location");
    }

    private static OpenAPI document(String path, org.eclipse.microprofile.openapi.models.PathItem item) {
        return OASFactory.createOpenAPI().info(OASFactory.createInfo().title("t").version("1"))
                .paths(OASFactory.createPaths().addPathItem(path, item));
    }
}
