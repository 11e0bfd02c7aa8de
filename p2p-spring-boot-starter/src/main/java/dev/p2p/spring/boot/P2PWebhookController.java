package dev.p2p.spring.boot;

import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.webhook.Webhooks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The webhook endpoint: {@code ${p2p.webhooks.path}/{gatewayId}} ({@code /webhooks/{gatewayId}} by
 * default), any method. Hands the exact request to {@link P2P#webhooks()}: the method, the public
 * URL with its query string, every header and the raw body; then writes back p2p's status, content
 * type and body. The URL is the one the servlet request reports, so behind a proxy set {@code
 * server.forward-headers-strategy} ({@code framework} or {@code native}) for it to be the public
 * one carriers sign. The body is read up to one byte past {@link Webhooks#MAX_BODY_BYTES}, so a
 * larger one gets p2p's 413.
 */
@Controller
public class P2PWebhookController {
  private final P2P p2p;

  /**
   * Creates the endpoint.
   *
   * @param p2p the instance whose webhook pipeline handles the requests
   */
  public P2PWebhookController(P2P p2p) {
    this.p2p = Objects.requireNonNull(p2p, "p2p");
  }

  /**
   * Handles one carrier request.
   *
   * @param gatewayId the id of the gateway the request is for (the path's last segment)
   * @param request the servlet request
   * @param response the servlet response p2p's answer is written to
   * @throws IOException if the body cannot be read or the answer written
   */
  @RequestMapping("${p2p.webhooks.path:/webhooks}/{gatewayId}")
  public void handle(
      @PathVariable("gatewayId") String gatewayId,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    WebhookResponse answer;
    try {
      answer = p2p.webhooks().handle(gatewayId, toWebhookRequest(request));
    } catch (ValidationException e) {
      // The request could not be taken as it came (its URL, say): named by field, not quoted.
      answer =
          WebhookResponse.error(
              400,
              "malformed request: "
                  + e.violations().stream()
                      .map(Violation::field)
                      .collect(Collectors.joining(", ")));
    }
    response.setStatus(answer.status());
    if (!answer.body().isEmpty()) {
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      response.setContentType(answer.contentType());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  private static WebhookRequest toWebhookRequest(HttpServletRequest request) throws IOException {
    StringBuilder url = new StringBuilder(request.getRequestURL());
    String query = request.getQueryString();
    if (query != null) {
      url.append('?').append(query);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(Webhooks.MAX_BODY_BYTES + 1);
    }
    return WebhookRequest.of(request.getMethod(), url.toString(), headers, body);
  }
}
