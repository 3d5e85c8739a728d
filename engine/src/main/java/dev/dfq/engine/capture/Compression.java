package dev.dfq.engine.capture;

/** The compression layer a capture was read through, recognised by magic bytes, never by file name. */
public enum Compression {
  NONE,
  /** RFC 1952 gzip (1F 8B); concatenated members are read as one stream. */
  GZIP,
  /** RFC 8878 Zstandard (28 B5 2F FD), decoded by aircompressor's pure-Java decoder. */
  ZSTD
}
