/**
 * Contact lists and contacts: adding, looking up, paging and importing from CSV with phones
 * normalized to E.164, deduplicated and placed in a time zone.
 */
@NullMarked
package dev.p2p.contact;

import org.jspecify.annotations.NullMarked;
