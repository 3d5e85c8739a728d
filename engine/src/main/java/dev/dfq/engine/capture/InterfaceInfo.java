package dev.dfq.engine.capture;

/**
 * A capture interface: the pcap file header's link type and snaplen, or one pcapng IDB.
 *
 * @param id file-wide index (0 for pcap; the IDB's position among all IDBs of all sections for pcapng)
 * @param linkType LINKTYPE_ value
 * @param snaplen snapshot length, 0 when unknown or unlimited
 * @param name if_name, or null
 * @param description if_description, or null
 * @param tsResolution if_tsresol byte: 6 = microseconds (pcap and pcapng default), 9 = nanoseconds; top bit set:
 *     power of two
 * @param tsOffset if_tsoffset in seconds, added to every timestamp of the interface
 */
public record InterfaceInfo(int id, int linkType, int snaplen, String name, String description,
    int tsResolution, long tsOffset) {

  public static InterfaceInfo of(int id, int linkType, int tsResolution) {
    return new InterfaceInfo(id, linkType, 0, null, null, tsResolution, 0);
  }
}
