/**
 * What a text costs on the wire: its {@link dev.p2p.sms.SmsEncoding} (GSM-7 when every character is
 * in the GSM 03.38 tables, else UCS-2) and its {@link dev.p2p.sms.Segments}, the optional {@link
 * dev.p2p.sms.SmartEncoding} that swaps look-alike characters for GSM-7 ones, and the {@link
 * dev.p2p.sms.CostModel} that prices segments and MMS messages.
 */
@NullMarked
package dev.p2p.sms;

import org.jspecify.annotations.NullMarked;
