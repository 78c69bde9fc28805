package vn.actionmonth.notification.delivery;

/** How one attempt went. {@code httpStatus} only for webhooks. */
public record DeliveryResult(boolean succeeded, Integer httpStatus, String error) {

    public static DeliveryResult ok(Integer httpStatus) {
        return new DeliveryResult(true, httpStatus, null);
    }

    public static DeliveryResult failed(Integer httpStatus, String error) {
        return new DeliveryResult(false, httpStatus, error);
    }
}
