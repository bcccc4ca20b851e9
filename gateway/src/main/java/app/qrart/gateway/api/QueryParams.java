package app.qrart.gateway.api;

/** Query parameters parsed by hand, so a bad value is a 400 naming it rather than a bare 404. */
public final class QueryParams {

    private QueryParams() {}

    public static int integer(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badField(name, "'" + name + "' must be an integer");
        }
    }

    public static boolean bool(String value, String name) {
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badField(name, "'" + name + "' must be true or false");
        };
    }
}
