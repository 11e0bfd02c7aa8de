/**
 * Assignment: which texter handles which contact of an action. An action's {@link
 * dev.p2p.assign.Target}s (texters, teams, user lists) share its contacts by a fixed split or by
 * dynamic batches each texter asks for; with Keep Assignments a contact goes back to the texter who
 * had it before. A contact is assigned to one texter at most, however many app nodes assign at
 * once.
 */
@NullMarked
package dev.p2p.assign;

import org.jspecify.annotations.NullMarked;
