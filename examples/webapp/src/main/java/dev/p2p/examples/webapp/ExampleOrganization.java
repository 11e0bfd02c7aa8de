package dev.p2p.examples.webapp;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.texter.TexterProfile;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one organization the example texts for, with its people. A CRM would sync its own users here
 * as texters and teams; the example starts with three volunteers in one team.
 */
@Configuration(proxyBeanMethods = false)
public class ExampleOrganization {
  /** The team every example volunteer is in; actions are assigned to it. */
  public static final String TEAM = "volunteers";

  /** The example's volunteers. */
  public static final List<TexterProfile> VOLUNTEERS =
      List.of(
          new TexterProfile("ana", "Ana", "Lopez"),
          new TexterProfile("ben", "Ben", "Okafor"),
          new TexterProfile("cy", "Cy", "Park"));

  /**
   * The organization, its volunteers upserted and put in the team {@value #TEAM}.
   *
   * @param p2p the facade
   * @param id the organization id, {@code p2p.example.organization} (default {@code acme})
   * @return the organization
   */
  @Bean
  public Organization organization(P2P p2p, @Value("${p2p.example.organization:acme}") String id) {
    Organization org = p2p.organization(id);
    VOLUNTEERS.forEach(org.texters()::upsert);
    org.teams().upsert(TEAM, "Volunteers");
    org.teams().addMembers(TEAM, VOLUNTEERS.stream().map(TexterProfile::id).toList());
    return org;
  }
}
