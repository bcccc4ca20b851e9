package app.qrart.gateway.validation;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Content built from named fields, each type written the way phone readers act on it: Wi-Fi
 * joining ({@code WIFI:} as ZXing and the phone cameras read it), a vCard 3.0 contact, mailto
 * (RFC 6068), tel (RFC 3966), sms (RFC 5724), geo (RFC 5870), a URL or plain text. Errors name the
 * field as {@code contentFields.<name>}.
 */
public final class StructuredContent {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> WIFI_SECURITY = Set.of("WPA", "WEP", "nopass");

    /** A content type: the fields it requires and those it may have. */
    public record ContentType(String type, List<String> required, List<String> optional) {

        private Set<String> all() {
            Set<String> names = new HashSet<>(required);
            names.addAll(optional);
            names.add("type");
            return names;
        }
    }

    private record Builder(ContentType type, Function<Fields, String> build) {}

    private static final Map<String, Builder> TYPES = new LinkedHashMap<>();

    static {
        add(new ContentType("url", List.of("url"), List.of()), f -> f.required("url"));
        add(new ContentType("text", List.of("text"), List.of()), f -> f.required("text"));
        add(
                new ContentType("wifi", List.of("ssid"), List.of("password", "security", "hidden")),
                StructuredContent::wifi);
        add(
                new ContentType(
                        "contact",
                        List.of("name"),
                        List.of("organization", "title", "phone", "email", "url", "address", "note")),
                StructuredContent::vcard);
        add(new ContentType("email", List.of("to"), List.of("subject", "body")), StructuredContent::mailto);
        add(new ContentType("phone", List.of("number"), List.of()), f -> "tel:" + f.phone("number"));
        add(new ContentType("sms", List.of("number"), List.of("message")), StructuredContent::sms);
        add(new ContentType("geo", List.of("latitude", "longitude"), List.of("query")), StructuredContent::geo);
    }

    private StructuredContent() {}

    private static void add(ContentType type, Function<Fields, String> build) {
        TYPES.put(type.type(), new Builder(type, build));
    }

    /** The types there are, with their fields, in the order a form offers them. */
    public static List<ContentType> types() {
        return TYPES.values().stream().map(Builder::type).toList();
    }

    /** The content these fields describe; {@code type} picks the kind. */
    public static String build(Map<String, String> fields) {
        String typeName = fields.get("type");
        Builder builder = typeName == null ? null : TYPES.get(typeName);
        if (builder == null) {
            throw new InvalidFieldException(
                    "contentFields.type",
                    "'contentFields.type' must be one of " + String.join(", ", TYPES.keySet()) + ", got '" + typeName
                            + "'");
        }
        for (String name : fields.keySet()) {
            if (!builder.type().all().contains(name)) {
                throw new InvalidFieldException(
                        "contentFields." + name, "'contentFields." + name + "' is not a field of type " + typeName);
            }
        }
        return builder.build().apply(new Fields(fields));
    }

    private static String wifi(Fields f) {
        String security = f.optional("security").orElse(f.optional("password").isPresent() ? "WPA" : "nopass");
        if (!WIFI_SECURITY.contains(security)) {
            throw f.invalid("security", "must be one of WPA, WEP, nopass");
        }
        StringBuilder out = new StringBuilder("WIFI:T:")
                .append(security)
                .append(";S:")
                .append(wifiEscape(f.required("ssid")))
                .append(';');
        if (!security.equals("nopass")) {
            out.append("P:").append(wifiEscape(f.required("password"))).append(';');
        }
        if (f.optional("hidden").map(Boolean::parseBoolean).orElse(false)) {
            out.append("H:true;");
        }
        return out.append(';').toString();
    }

    private static String wifiEscape(String value) {
        return value.replaceAll("([\\\\;,:\"])", "\\\\$1");
    }

    private static String vcard(Fields f) {
        List<String> lines = new ArrayList<>(List.of("BEGIN:VCARD", "VERSION:3.0"));
        String name = f.required("name");
        int space = name.lastIndexOf(' ');
        String family = space < 0 ? name : name.substring(space + 1);
        String given = space < 0 ? "" : name.substring(0, space);
        lines.add("N:" + vcardEscape(family) + ";" + vcardEscape(given) + ";;;");
        lines.add("FN:" + vcardEscape(name));
        f.optional("organization").ifPresent(v -> lines.add("ORG:" + vcardEscape(v)));
        f.optional("title").ifPresent(v -> lines.add("TITLE:" + vcardEscape(v)));
        if (f.optional("phone").isPresent()) {
            lines.add("TEL;TYPE=CELL:" + f.phone("phone"));
        }
        if (f.optional("email").isPresent()) {
            lines.add("EMAIL:" + f.email("email"));
        }
        f.optional("url").ifPresent(v -> lines.add("URL:" + vcardEscape(v)));
        f.optional("address").ifPresent(v -> lines.add("ADR:;;" + vcardEscape(v) + ";;;;"));
        f.optional("note").ifPresent(v -> lines.add("NOTE:" + vcardEscape(v)));
        lines.add("END:VCARD");
        return String.join("\r\n", lines);
    }

    private static String vcardEscape(String value) {
        return value.replace("\\", "\\\\")
                .replace(",", "\\,")
                .replace(";", "\\;")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    private static String mailto(Fields f) {
        StringBuilder out = new StringBuilder("mailto:").append(f.email("to"));
        List<String> query = new ArrayList<>();
        f.optional("subject").ifPresent(v -> query.add("subject=" + percent(v)));
        f.optional("body").ifPresent(v -> query.add("body=" + percent(v)));
        if (!query.isEmpty()) {
            out.append('?').append(String.join("&", query));
        }
        return out.toString();
    }

    private static String sms(Fields f) {
        String number = f.phone("number");
        return f.optional("message")
                .map(m -> "sms:" + number + "?body=" + percent(m))
                .orElse("sms:" + number);
    }

    private static String geo(Fields f) {
        double latitude = f.number("latitude", -90, 90);
        double longitude = f.number("longitude", -180, 180);
        String point = "geo:" + plain(latitude) + "," + plain(longitude);
        return f.optional("query").map(q -> point + "?q=" + percent(q)).orElse(point);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String percent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The submitted fields, read with errors that name them. */
    private record Fields(Map<String, String> values) {

        String required(String name) {
            return optional(name).orElseThrow(() -> invalid(name, "is required for this type"));
        }

        Optional<String> optional(String name) {
            String value = values.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        String phone(String name) {
            String value = required(name);
            if (!PHONE.matcher(value).matches()) {
                throw invalid(name, "is not a phone number");
            }
            return value.replaceAll("[ ()./-]", "");
        }

        String email(String name) {
            String value = required(name);
            if (!EMAIL.matcher(value).matches()) {
                throw invalid(name, "is not an e-mail address");
            }
            return value;
        }

        double number(String name, double min, double max) {
            String value = required(name);
            try {
                double v = Double.parseDouble(value);
                if (v < min || v > max || Double.isNaN(v)) {
                    throw invalid(name, "must be in [" + (int) min + ", " + (int) max + "]");
                }
                return v;
            } catch (NumberFormatException e) {
                throw invalid(name, "must be a number");
            }
        }

        InvalidFieldException invalid(String name, String why) {
            String field = "contentFields." + name;
            return new InvalidFieldException(field, String.format(Locale.ROOT, "'%s' %s", field, why));
        }
    }
}
