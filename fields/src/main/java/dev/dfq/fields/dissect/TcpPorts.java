package dev.dfq.fields.dissect;

/** The protocol name frame.protocols shows for TCP payload on well-known ports. */
final class TcpPorts {
    private TcpPorts() {
    }

    static String payloadProtocol(int sport, int dport) {
        if (sport == 25 || dport == 25 || sport == 587 || dport == 587) {
            return "smtp";
        }
        if (sport == 465 || dport == 465 || sport == 443 || dport == 443) {
            return "tls";
        }
        if (sport == 80 || dport == 80) {
            return "http";
        }
        return "data";
    }
}
