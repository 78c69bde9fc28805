package vn.actionmonth.notification.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How a webhook receiver knows a request came from this service and was not replayed: the
 * signature is HMAC-SHA256, keyed with the subscription's secret, over
 * {@code <timestamp> + "." + <body>}, hex-encoded, sent as {@code X-ActionMonth-Signature:
 * sha256=<hex>} next to {@code X-ActionMonth-Timestamp: <unix seconds>}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-ActionMonth-Signature";
    public static final String TIMESTAMP_HEADER = "X-ActionMonth-Timestamp";
    /** The notification id: the same for every retry of one notification, so receivers can drop repeats. */
    public static final String DELIVERY_HEADER = "X-ActionMonth-Delivery";
    public static final String KIND_HEADER = "X-ActionMonth-Kind";
    /** The X-Request-Id of the request that caused the notice, when one did: joins the receiver's logs to ours. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, base64url. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value: {@code sha256=<hex of HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
