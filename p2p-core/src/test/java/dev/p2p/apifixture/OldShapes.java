package dev.p2p.apifixture;

import dev.p2p.field.Tags;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Texting;
import dev.p2p.internal.field.TagsImpl;
import java.util.List;
import java.util.function.Function;

/**
 * Shapes the public API had before issue 18 (a public service constructor taking an internal
 * context, as {@code Actions(OrgContext)} did), for {@code PublicApiTest} to show that its rules
 * catch them. Test code only: never loaded by p2p.
 */
public final class OldShapes {
  private OldShapes() {}

  /** A service with a public constructor that takes an internal type, as the old services had. */
  public static final class OldService {
    /** Takes the internal context as a parameter. */
    public OldService(OrgContext ctx) {}
  }

  /** The old {@code Receiving}: an internal type only as a generic argument. */
  public static final class OldReceiving {
    /** Takes internal types directly and inside a function's type. */
    public OldReceiving(Texting texting, Function<String, OrgContext> contexts) {}
  }

  /** A public field and a method that return internal types inside a generic. */
  public static final class OldAccessors {
    /** A field of an internal type. */
    public final @org.jspecify.annotations.Nullable OrgContext context = null;

    /** Returns internal types inside a list. */
    public List<OrgContext> contexts() {
      return List.of();
    }
  }

  /** Builds a service implementation itself, rather than obtaining it from the facade. */
  public static Tags tagsWithoutFacade(OrgContext ctx) {
    return new TagsImpl(ctx);
  }
}
