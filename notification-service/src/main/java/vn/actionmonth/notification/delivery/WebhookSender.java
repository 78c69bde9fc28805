package vn.actionmonth.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.notification.config.NotificationConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** POSTs a signed JSON body to a webhook; any 2xx answer is a delivery, anything else a failure. */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(NotificationConfig config, Clock clock) {
        this.timeout = config.delivery().webhookTimeout();
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public DeliveryResult post(String url, String secret, String notificationId, String kind, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                    .header(WebhookSignature.DELIVERY_HEADER, notificationId)
                    .header(WebhookSignature.KIND_HEADER, kind)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? DeliveryResult.ok(status)
                    : DeliveryResult.failed(status, "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed(null, "interrupted");
        } catch (Exception e) {
            return DeliveryResult.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
