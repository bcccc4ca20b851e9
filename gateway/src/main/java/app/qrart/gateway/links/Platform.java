package app.qrart.gateway.links;

import java.util.Locale;

/** The kind of device a scan came from, told by its User-Agent (which is not kept). */
public enum Platform {
    IOS,
    ANDROID,
    OTHER;

    public static Platform of(String userAgent) {
        if (userAgent == null) {
            return OTHER;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        if (agent.contains("android")) {
            return ANDROID;
        }
        if (agent.contains("iphone")
                || agent.contains("ipad")
                || agent.contains("ipod")
                || agent.contains("cfnetwork")) {
            return IOS;
        }
        return OTHER;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
