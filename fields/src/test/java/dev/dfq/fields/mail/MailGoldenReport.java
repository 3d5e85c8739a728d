package dev.dfq.fields.mail;

/** Prints every difference from the goldens (run by hand), for triage. Argument "cols" for columns. */
final class MailGoldenReport {
    private MailGoldenReport() {}

    public static void main(String[] args) {
        boolean cols = args.length > 0 && args[0].equals("cols");
        for (String c : MailGoldenTest.CAPTURES) {
            if (cols) {
                var m = MailColumnsTest.mismatches(c);
                System.out.println("== " + c + " cols: " + m.size() + " frames differ");
                m.forEach(System.out::println);
                continue;
            }
            for (String mode : new String[] {"fields", "fields-2", "fields-dec", "fields-nodata"}) {
                if (MailGoldenTest.lines(MailGoldenTest.GOLD + c + "." + mode + ".tsv").isEmpty()) {
                    continue;
                }
                var m = MailGoldenTest.mismatches(c, mode);
                System.out.println("== " + c + " " + mode + ": " + m.size() + " frames differ");
                m.forEach(System.out::println);
            }
        }
    }
}
