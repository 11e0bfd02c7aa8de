package dev.p2p.spring.boot;

import dev.p2p.Violation;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints every bad {@code p2p.*} property at once, by name, when the application fails to start.
 */
final class P2PPropertiesFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidP2PPropertiesException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidP2PPropertiesException cause) {
    StringBuilder description = new StringBuilder("p2p could not start: ");
    int count = cause.violations().size();
    description.append(count).append(count == 1 ? " property is" : " properties are");
    description.append(" missing or bad:\n");
    for (Violation v : cause.violations()) {
      description.append("\n    ").append(v.field()).append(": ").append(v.reason());
    }
    return new FailureAnalysis(
        description.toString(),
        "Fix the properties named above (application.properties, application.yml or the"
            + " environment); docs/spring-boot.md lists every p2p.* property.",
        cause);
  }
}
