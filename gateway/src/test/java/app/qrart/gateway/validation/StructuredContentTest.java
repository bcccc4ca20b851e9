package app.qrart.gateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import com.google.zxing.client.result.AddressBookParsedResult;
import com.google.zxing.client.result.EmailAddressParsedResult;
import com.google.zxing.client.result.GeoParsedResult;
import com.google.zxing.client.result.ParsedResult;
import com.google.zxing.client.result.ParsedResultType;
import com.google.zxing.client.result.ResultParser;
import com.google.zxing.client.result.SMSParsedResult;
import com.google.zxing.client.result.TelParsedResult;
import com.google.zxing.client.result.WifiParsedResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each structured type is written so that ZXing's own result parser (what Android readers use) understands it. */
class StructuredContentTest {

    private static ParsedResult parsed(Map<String, String> fields) {
        String content = StructuredContent.build(fields);
        return ResultParser.parseResult(new Result(content, null, null, BarcodeFormat.QR_CODE));
    }

    @Test
    void wifiEscapesItsSpecialCharacters() {
        WifiParsedResult wifi = (WifiParsedResult)
                parsed(Map.of("type", "wifi", "ssid", "Cafe; \"Blue\"", "password", "a:b,c\\d", "hidden", "true"));
        assertEquals("Cafe; \"Blue\"", wifi.getSsid());
        assertEquals("a:b,c\\d", wifi.getPassword());
        assertEquals("WPA", wifi.getNetworkEncryption());
        assertEquals(true, wifi.isHidden());
    }

    @Test
    void anOpenNetworkNeedsNoPassword() {
        assertEquals("WIFI:T:nopass;S:guest;;", StructuredContent.build(Map.of("type", "wifi", "ssid", "guest")));
    }

    @Test
    void aContactIsAVCardThree() {
        AddressBookParsedResult card = (AddressBookParsedResult) parsed(Map.of(
                "type", "contact",
                "name", "Ada Lovelace",
                "organization", "Analytical, Engines",
                "phone", "+44 20 7946 0000",
                "email", "ada@example.org"));
        assertEquals("Ada Lovelace", card.getNames()[0]);
        assertEquals("Analytical, Engines", card.getOrg());
        assertEquals("+442079460000", card.getPhoneNumbers()[0]);
        assertEquals("ada@example.org", card.getEmails()[0]);
    }

    @Test
    void emailPhoneSmsAndGeo() {
        EmailAddressParsedResult mail = (EmailAddressParsedResult)
                parsed(Map.of("type", "email", "to", "hi@qr.art", "subject", "Hello there", "body", "a&b"));
        assertEquals("hi@qr.art", mail.getTos()[0]);
        assertEquals("Hello there", mail.getSubject());
        assertEquals("a&b", mail.getBody());
        assertEquals(
                "+4930123456",
                ((TelParsedResult) parsed(Map.of("type", "phone", "number", "+49 30 123456"))).getNumber());
        SMSParsedResult sms =
                (SMSParsedResult) parsed(Map.of("type", "sms", "number", "+1 555 0100", "message", "on my way"));
        assertEquals("+15550100", sms.getNumbers()[0]);
        assertEquals("on my way", sms.getBody());
        GeoParsedResult geo =
                (GeoParsedResult) parsed(Map.of("type", "geo", "latitude", "52.52", "longitude", "13.405"));
        assertEquals(52.52, geo.getLatitude(), 1e-9);
        assertEquals(13.405, geo.getLongitude(), 1e-9);
        assertEquals(
                ParsedResultType.URI,
                parsed(Map.of("type", "url", "url", "https://qr.art")).getType());
        assertEquals(
                ParsedResultType.TEXT,
                parsed(Map.of("type", "text", "text", "just words")).getType());
    }

    @Test
    void errorsNameTheField() {
        assertEquals("contentFields.type", field(Map.of("type", "fax")));
        assertEquals("contentFields.ssid", field(Map.of("type", "wifi")));
        assertEquals("contentFields.security", field(Map.of("type", "wifi", "ssid", "x", "security", "WPA3")));
        assertEquals("contentFields.number", field(Map.of("type", "phone", "number", "call me")));
        assertEquals("contentFields.to", field(Map.of("type", "email", "to", "not-an-address")));
        assertEquals("contentFields.latitude", field(Map.of("type", "geo", "latitude", "95", "longitude", "0")));
        assertEquals("contentFields.colour", field(Map.of("type", "text", "text", "x", "colour", "red")));
    }

    private static String field(Map<String, String> fields) {
        return assertThrows(InvalidFieldException.class, () -> StructuredContent.build(fields))
                .field();
    }
}
