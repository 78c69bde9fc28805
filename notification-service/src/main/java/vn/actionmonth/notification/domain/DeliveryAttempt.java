package vn.actionmonth.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One try at sending a notification over email or webhook: the delivery log. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "notification_id")
    public UUID notificationId;

    public int attempt;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    public boolean succeeded;

    @Column(name = "http_status")
    public Integer httpStatus;

    public String error;
}
