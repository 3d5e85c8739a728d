package dev.dfq.fields.dissect;

/**
 * Preferences of the lower-layer dissectors that change what tshark shows (names as in
 * {@code tshark -G defaultprefs}).
 *
 * @param tcpRelativeSeq {@code tcp.relative_sequence_numbers}: seq/ack/nxtseq relative to the ISN
 * @param tcpCheckChecksum {@code tcp.check_checksum}: verify TCP checksums; a bad one stops desegmentation
 * @param ipCheckChecksum {@code ip.check_checksum}: verify IPv4 header checksums
 * @param udpCheckChecksum {@code udp.check_checksum}: verify UDP checksums
 * @param tcpDesegment {@code tcp.desegment_tcp_streams}: let the protocol above ask for more segments
 * @param tcpAnalyzeSeq {@code tcp.analyze_sequence_numbers}: the tcp.analysis tree; off, retransmitted
 *     segments go to the protocol above like any other
 * @param ipDefragment {@code ip.defragment}: reassemble IPv4 fragments; off, a first fragment's payload is
 *     dissected as it is and later fragments are data
 * @param ipv6Defragment {@code ipv6.defragment}: the same for IPv6
 * @param macNames {@code nameres.mac_name} (tshark's -N m, off with -n): the {@code eth.*_resolved} fields
 *     name the addresses (vendor and well-known names) instead of repeating them
 */
public record LowerPrefs(boolean tcpRelativeSeq, boolean tcpCheckChecksum, boolean ipCheckChecksum,
                         boolean udpCheckChecksum, boolean tcpDesegment, boolean tcpAnalyzeSeq,
                         boolean ipDefragment, boolean ipv6Defragment, boolean macNames) {
    /** tshark 4.6.9's defaults. */
    public static LowerPrefs defaults() {
        return new LowerPrefs(true, false, false, false, true, true, true, true, true);
    }
}
