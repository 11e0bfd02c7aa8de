package dev.p2p;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type or member as experimental: it works and is tested, but its shape may still change,
 * or it may be removed, in a minor release, without the deprecation that stable API gets. Use it
 * freely in an application you build and ship together with p2p; avoid it in a library that others
 * build against a p2p version of their own. An adapter (store or gateway) that implements a
 * {@code @Beta} SPI method should expect to follow its changes.
 *
 * <p>Kept in class files ({@link RetentionPolicy#CLASS}) so tools can report its use; not visible
 * through reflection.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.ANNOTATION_TYPE,
  ElementType.CONSTRUCTOR,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.TYPE
})
public @interface Beta {}
