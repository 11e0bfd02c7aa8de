package dev.p2p.examples.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p2p.examples.DemoApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** One run of {@code p2p-demo} through {@link DemoApp#run}: its exit code and what it printed. */
record Run(int code, String out, String err) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Run of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = DemoApp.run(o, e, args);
    }
    return new Run(code, out.toString(), err.toString());
  }

  /** The standard output parsed as JSON. */
  JsonNode json() {
    try {
      return MAPPER.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
