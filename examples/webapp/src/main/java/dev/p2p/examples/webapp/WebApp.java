package dev.p2p.examples.webapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the example: {@code java -jar p2p-example-webapp.jar}, then open http://localhost:8080.
 */
@SpringBootApplication
public class WebApp {
  /**
   * Runs the server.
   *
   * @param args Spring Boot's arguments, such as {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.run(WebApp.class, args);
  }
}
