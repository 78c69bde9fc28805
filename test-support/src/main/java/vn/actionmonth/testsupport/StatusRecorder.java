package vn.actionmonth.testsupport;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Under test, writes down the status of every answer the service gives (method, path, status),
 * so that {@link ObservedStatuses} can fail the build on a status the OpenAPI document does not
 * list. Active only when the build names the run ({@value ObservedStatuses#RUN_PROPERTY}); the
 * services depend on this module in test scope only, so no production build contains it.
 */
@Singleton
public class StatusRecorder {

    void record(@Observes Router router) {
        String run = System.getProperty(ObservedStatuses.RUN_PROPERTY);
        if (run == null || run.isBlank()) {
            return;
        }
        // Before every other route, so that an answer given by a failure handler or a filter is seen too.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String method = ctx.request().method().name();
            String path = ctx.request().path();
            ctx.addEndHandler(done -> ObservedStatuses.append(run, method, path, ctx.response().getStatusCode()));
            ctx.next();
        });
    }
}
