/**
 * Mail dissectors: SMTP (with pipelining, BDAT, AUTH and STARTTLS), IMF, MIME multipart and the
 * body protocols below them, producing the fields tshark 4.6.9 produces.
 *
 * <h2>Hand-off from TCP (the contract for the dissect branch)</h2>
 * <ol>
 *   <li>Per TCP conversation whose matched port is in {@link dev.dfq.fields.mail.SmtpPrefs#ports()}
 *       (server port from the SYN, else the lower port, else the higher), keep one
 *       {@link dev.dfq.fields.mail.SmtpSession} from {@link dev.dfq.fields.mail.SmtpDissector#newSession()},
 *       across both passes; drop it when the stream is forgotten.</li>
 *   <li>For each segment TCP hands up (in order; with default preferences retransmitted and
 *       out-of-order segments are not handed up), build a {@link dev.dfq.fields.mail.MailContext} on
 *       the frame's {@link dev.dfq.fields.FieldStore} and call
 *       {@link dev.dfq.fields.mail.SmtpDissector#dissect} with the payload's data source and range and
 *       {@code request = (dstport == matched port)}.</li>
 *   <li>When it returns {@link dev.dfq.fields.mail.SmtpDissector#NEED_ONE_MORE_SEGMENT}, nothing was
 *       added: the frame shows TCP only; append the next in-order segment of that direction and call
 *       again in that frame with a "Reassembled TCP (N bytes)" source (Wireshark's
 *       DESEGMENT_ONE_MORE_SEGMENT).</li>
 *   <li>Once {@link dev.dfq.fields.mail.SmtpSession#isTls(int)} is true for a frame, give its payload
 *       to {@link dev.dfq.fields.mail.TlsRecordDissector}; when that returns false (no TLS ever
 *       started), give it to SMTP as before.</li>
 *   <li>Two-pass ({@code -2}): run every frame with {@code firstPass = true}, then again with
 *       {@code firstPass = false}; request frames are classified once and keep their PDUs.</li>
 *   <li>Columns: {@link dev.dfq.fields.mail.MailContext#protocolColumn()} (null when no mail
 *       dissector ran), {@link dev.dfq.fields.mail.MailContext#infoText()} (replaces TCP's Info;
 *       TCP's "[TCP ...] " prefixes stay in front) and {@link dev.dfq.fields.mail.MailContext#protocols()}
 *       (appended to frame.protocols after {@code tcp}).</li>
 * </ol>
 *
 * <p>Tests drive these classes with a small pcap reader and a TCP emulation in test code
 * ({@code MailHarness}) until the dissect branch provides the real TCP layer.
 */
package dev.dfq.fields.mail;
