package dev.dfq.fields.resolve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * TCP and UDP port names as tshark 4.6.9 gives them with transport name resolution on (-N t): each
 * protocol has its own names (a port named only for UDP has no TCP name). Read on first use.
 */
public final class ServiceNames {
    private static final class Holder {
        static final ServiceNames INSTANCE = new ServiceNames(Tables.read("services.tsv.gz"));
    }

    private final PortTable tcp = new PortTable();
    private final PortTable udp = new PortTable();

    /** @param text tshark's -G services: name, port, protocol (tcp, udp, sctp, dccp), description */
    private ServiceNames(byte[] text) {
        for (int line = 0; line < text.length; ) {
            int portAt = Tables.nextField(text, line);
            int protoAt = Tables.nextField(text, portAt);
            String proto = Tables.field(text, protoAt);
            PortTable table = proto.equals("tcp") ? tcp : proto.equals("udp") ? udp : null;
            if (table != null) {
                table.put((int) Tables.number(text, portAt, 10), Tables.field(text, line));
            }
            line = Tables.fieldEnd(text, Tables.nextField(text, protoAt)) + 1;
        }
    }

    /** {@code -G services}: the table as tshark prints it. */
    public static String report() {
        return new String(Tables.read("services.tsv.gz"), StandardCharsets.UTF_8);
    }

    public static ServiceNames get() {
        return Holder.INSTANCE;
    }

    /** The TCP port's service name, or null. */
    public String tcp(int port) {
        return tcp.get(port);
    }

    /** The UDP port's service name, or null. */
    public String udp(int port) {
        return udp.get(port);
    }

    /** Wireshark's "name(port)", or the bare number when the port has no name. */
    public static String withPort(String name, int port) {
        return name == null ? Integer.toString(port) : name + "(" + port + ")";
    }

    /** Ports in ascending order and their names, kept as ASCII bytes until asked for. */
    private static final class PortTable {
        private int[] ports = new int[4096];
        private byte[][] names = new byte[4096][];
        private int size;

        void put(int port, String name) {
            if (size > 0 && ports[size - 1] >= port) {
                throw new IllegalStateException("services table not in ascending port order at " + port);
            }
            if (size == ports.length) {
                ports = Arrays.copyOf(ports, size * 2);
                names = Arrays.copyOf(names, size * 2);
            }
            ports[size] = port;
            names[size++] = name.getBytes(StandardCharsets.US_ASCII);
        }

        String get(int port) {
            int i = Arrays.binarySearch(ports, 0, size, port);
            return i < 0 ? null : new String(names[i], StandardCharsets.US_ASCII);
        }
    }
}
