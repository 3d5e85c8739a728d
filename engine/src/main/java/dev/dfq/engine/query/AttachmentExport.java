package dev.dfq.engine.query;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * {@code --export-attachments DIR}: every attachment of every message IMF dissected, decoded
 * (base64, quoted-printable) and written under its own file name. The message is walked with
 * Angus Mail; names are decoded from RFC 2047 and RFC 2231 and made safe: the last path component
 * only, no control or reserved characters, never overwriting a file (a repeated name gets (1), (2)...).
 * Malformed messages and undecodable parts are reported in the manifest, never thrown.
 */
public final class AttachmentExport {
    /** One written attachment (or one that could not be decoded: {@code error} set, no file). */
    public record Entry(long frame, String from, List<String> to, String subject, String fileName, String path,
                        long size, String sha256, String error) {
    }

    private static final Session SESSION;

    static {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        SESSION = Session.getInstance(p);
    }

    private final int imf;
    private final Path dir;
    private final List<Entry> entries = new ArrayList<>();

    public AttachmentExport(FieldRegistry registry, Path dir) {
        this.imf = registry.byName("imf").orElseThrow().id();
        this.dir = dir;
    }

    public int[] fields() {
        return new int[] {imf};
    }

    public List<Entry> entries() {
        return entries;
    }

    public void accept(FieldStore s) throws IOException {
        for (int occ = s.first(imf); occ >= 0; occ = s.next(occ)) {
            int src = s.source(occ);
            int off = s.offset(occ);
            int len = Math.max(0, Math.min(s.length(occ), s.sourceLength(src) - off));
            message(s.frameNumber(), new ByteArrayInputStream(s.sourceData(src), off, len));
        }
    }

    private void message(long frame, InputStream in) throws IOException {
        MimeMessage m;
        String from = "";
        List<String> to = new ArrayList<>();
        String subject = "";
        try {
            m = new MimeMessage(SESSION, in);
            from = addresses(m.getHeader("From", ","));
            String t = m.getHeader("To", ",");
            if (t != null) {
                for (InternetAddress a : InternetAddress.parseHeader(t, false)) {
                    to.add(a.getAddress() == null ? a.toString() : a.getAddress());
                }
            }
            subject = m.getSubject() == null ? "" : m.getSubject();
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            entries.add(new Entry(frame, from, to, subject, null, null, 0, null, "unreadable message: " + e.getMessage()));
            return;
        }
        walk(frame, from, to, subject, m, 0);
    }

    private void walk(long frame, String from, List<String> to, String subject, Part part, int depth) throws IOException {
        if (depth > 32) {
            return;
        }
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) part.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart child = mp.getBodyPart(i);
                    walk(frame, from, to, subject, child, depth + 1);
                }
                return;
            }
            String name = part.getFileName();
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || name != null;
            if (!attachment || depth == 0) {
                return;
            }
            String decodedName = name == null ? "attachment" : decode(name);
            byte[] data;
            try (InputStream in = part.getInputStream()) {
                data = in.readAllBytes();
            }
            Path file = unique(safe(decodedName));
            Files.createDirectories(dir);
            Files.write(file, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            entries.add(new Entry(frame, from, to, subject, decodedName, file.getFileName().toString(), data.length,
                    sha256(data), null));
        } catch (jakarta.mail.MessagingException | RuntimeException | IOException e) {
            entries.add(new Entry(frame, from, to, subject, null, null, 0, null, "undecodable part: " + e.getMessage()));
        }
    }

    private static String addresses(String header) {
        if (header == null) {
            return "";
        }
        try {
            InternetAddress[] a = InternetAddress.parseHeader(header, false);
            return a.length == 0 ? header : (a[0].getAddress() == null ? a[0].toString() : a[0].getAddress());
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            return header;
        }
    }

    private static String decode(String name) {
        try {
            return MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return name;
        }
    }

    /** The last path component, without control or reserved characters: never a path outside DIR. */
    static String safe(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || ":*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String s = sb.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            s = "attachment";
        }
        return s.length() > 200 ? s.substring(s.length() - 200) : s;
    }

    private Path unique(String name) {
        Path p = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; Files.exists(p); n++) {
            p = dir.resolve(stem + "(" + n + ")" + ext);
        }
        return p;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
