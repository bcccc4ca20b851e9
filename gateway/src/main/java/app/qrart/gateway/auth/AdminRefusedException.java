package app.qrart.gateway.auth;

/** A key administration call without the admin secret. */
public class AdminRefusedException extends AccessRefusedException {
    public AdminRefusedException() {
        super("the admin secret is required: send the header 'Authorization: Bearer <admin secret>'");
    }
}
