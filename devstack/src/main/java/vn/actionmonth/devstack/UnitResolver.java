package vn.actionmonth.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns the {@code --unit} of the token command into a unit id: a UUID as is, a unit code through plan-service. */
final class UnitResolver {

    /** The unit id of the token used for the look-up: a system caller belongs to no unit. */
    static final UUID NIL = new UUID(0, 0);

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private UnitResolver() {
    }

    /** The UUID written in {@code unit}, if it is one. */
    static Optional<UUID> asUuid(String unit) {
        return UUID_TEXT.matcher(unit.trim()).matches() ? Optional.of(UUID.fromString(unit.trim())) : Optional.empty();
    }

    /** {@code GET <plan>/api/v1/units?code=<code>} with a system token; the id of the first item. */
    static UUID resolve(String unit, String planBaseUrl, DevKeys keys) {
        Optional<UUID> uuid = asUuid(unit);
        if (uuid.isPresent()) {
            return uuid.get();
        }
        String code = unit.trim();
        String url = planBaseUrl + "/api/v1/units?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        String hint = " Pass the unit's UUID instead: ./stack token --unit <uuid> --role ...";
        String token = DevTokens.mint(keys, "devstack-cli", NIL, List.of("system"), Duration.ofMinutes(5));
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .GET().build();
            response = Probes.http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StackException("could not look up unit code " + code + ": plan-service does not answer at "
                    + planBaseUrl + " (is the stack up?)." + hint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while looking up unit code " + code, e);
        }
        if (response.statusCode() != 200) {
            throw new StackException("could not look up unit code " + code + ": GET " + url + " answered HTTP "
                    + response.statusCode() + "." + hint);
        }
        return firstId(response.body()).orElseThrow(() -> new StackException(
                "plan-service knows no unit with code " + code + " (GET " + url + ")." + hint));
    }

    /** {@code items[0].id} of a page body {@code {items, page, size, total}}. */
    static Optional<UUID> firstId(String body) {
        try {
            JsonNode id = new ObjectMapper().readTree(body).path("items").path(0).path("id");
            return id.isTextual() ? asUuid(id.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
