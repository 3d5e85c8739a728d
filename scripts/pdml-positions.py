#!/usr/bin/env python3
"""Reads tshark -T pdml on stdin; prints frame TAB field TAB pos TAB size for every smtp.*, imf.*,
mime_multipart.* field (used by record-mail-goldens.sh for the field-position goldens)."""
import sys
import xml.etree.ElementTree as ET

PREFIXES = ('smtp.', 'imf.', 'mime_multipart.')
frame = 0
for event, el in ET.iterparse(sys.stdin.buffer, events=('start', 'end')):
    if event == 'start' and el.tag == 'field' and el.get('name') == 'frame.number':
        frame = int(el.get('show'))
    if event == 'start' and el.tag == 'field':
        name = el.get('name', '')
        if name.startswith(PREFIXES):
            print(f"{frame}\t{name}\t{el.get('pos', '')}\t{el.get('size', '')}")
    if event == 'end' and el.tag == 'packet':
        el.clear()
