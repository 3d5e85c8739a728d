#!/usr/bin/env bash
# Records what tshark 4.6.9 prints for protocols named with -e (their labels) on the tagged and IP captures,
# into repl/src/test/resources/labels/CAP.tsv, for ProtocolLabelGoldenTest. Needs ../shared/tools/tshark46.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tshark="${TSHARK46:-$repo/../shared/tools/tshark46}"
out="$repo/repl/src/test/resources/labels"
protos=(-e frame -e eth -e vlan -e ieee8021ad -e arp -e ip -e ipv6 -e ipv6.hopopts -e ipv6.routing -e ipv6.dstopts
        -e ipv6.fraghdr -e icmp -e icmpv6 -e udp -e data -e ip.options.routeralert -e ip.options.record_route -e ip.options.timestamp)
for cap in vlan/vlan.pcap vlan/qinq.pcap ipfrag/ipv6_ext.pcap ipfrag/ipv4_options.pcap ipfrag/ipv4_frag.pcap; do
  "$tshark" -n -r "$repo/samples/$cap" -T fields -E header=y -E occurrence=a "${protos[@]}" > "$out/$(basename "$cap").tsv"
done
