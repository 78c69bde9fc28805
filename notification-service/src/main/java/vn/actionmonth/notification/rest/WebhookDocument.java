package vn.actionmonth.notification.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import vn.actionmonth.notification.delivery.WebhookSignature;

/**
 * Documents what a webhook subscriber receives (an OpenAPI 3.1 webhook): the body, the headers
 * that sign it, and what its answer means, so that an integrator writes the receiver from the
 * document alone.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WebhookDocument implements OASFilter {

    /** How a receiver authenticates the sender: the signature header, checked with the channel's secret. */
    static final String SIGNATURE_SCHEME = "webhookSignature";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SIGNATURE_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(WebhookSignature.SIGNATURE_HEADER)
                .description("sha256=<hex of HMAC-SHA256(the channel's secret, <" + WebhookSignature.TIMESTAMP_HEADER
                        + ">.<body>)>: the receiver recomputes it with the secret it was shown when the channel was created"));
        openAPI.addWebhook("notification", OASFactory.createPathItem().POST(OASFactory.createOperation()
                .operationId("receiveNotification")
                .summary("A notice to a unit's webhook channel")
                .description("POSTed to the channel's address for every notice of the kinds it subscribed to. Verify "
                        + "the signature before trusting the body: HMAC-SHA256 keyed with the channel's secret over "
                        + "`<" + WebhookSignature.TIMESTAMP_HEADER + ">.<body>`, hex, as `sha256=<hex>`. Retries carry the "
                        + "same " + WebhookSignature.DELIVERY_HEADER + ", so a receiver drops repeats by it.")
                .addTag("Channels")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SIGNATURE_SCHEME))
                .addParameter(header(WebhookSignature.TIMESTAMP_HEADER, "Unix seconds when it was signed", true))
                .addParameter(header(WebhookSignature.DELIVERY_HEADER, "The notification's id, the same on every retry", true))
                .addParameter(header(WebhookSignature.KIND_HEADER, "The notice's kind, e.g. REMINDER", true))
                .addParameter(header(WebhookSignature.REQUEST_ID_HEADER, "The request that caused the notice, when one did", false))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("WebhookBody")))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("2XX", OASFactory.createAPIResponse().description("Received: any 2xx is a delivery"))
                        .addAPIResponse("4XX", OASFactory.createAPIResponse()
                                .description("Refused: retried with a growing delay, then the delivery is FAILED"))
                        .addAPIResponse("5XX", OASFactory.createAPIResponse()
                                .description("Failed: retried with a growing delay, then the delivery is FAILED")))));
    }

    private static Parameter header(String name, String description, boolean required) {
        return OASFactory.createParameter().in(Parameter.In.HEADER).name(name).description(description).required(required)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
