#!/usr/bin/env python3
"""Create, list and revoke the gateway's API keys through its admin API.

    QRART_ADMIN_SECRET=... tools/api_keys.py create --name "acme app" [--per-minute 20]
        [--daily-quota 500] [--origin https://acme.example ...]
    QRART_ADMIN_SECRET=... tools/api_keys.py list
    QRART_ADMIN_SECRET=... tools/api_keys.py revoke <key id>

The admin secret is the gateway's qrart.auth.admin-secret (QRART_AUTH_ADMIN_SECRET); --base-url
(or QRART_BASE_URL) names the gateway, http://localhost:8080 by default. A new key is printed once:
the gateway keeps only its hash.
"""
import json
import sys

from gateway_client import admin_headers, admin_parser, call


def main(argv=None):
    parser = admin_parser(__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create", help="a new key, printed once")
    create.add_argument("--name", required=True)
    create.add_argument("--per-minute", type=int, help="generations per minute (the gateway's default if unset)")
    create.add_argument("--daily-quota", type=int, help="generations per UTC day (the gateway's default if unset)")
    create.add_argument("--origin", action="append", default=[], help="a browser origin the key may be used from")
    commands.add_parser("list", help="every key, without secrets")
    revoke = commands.add_parser("revoke", help="refuse a key from now on")
    revoke.add_argument("id")
    args = parser.parse_args(argv)

    auth = admin_headers(parser)
    keys = args.base_url.rstrip("/") + "/api/v1/admin/keys"
    if args.command == "create":
        body = {"name": args.name, "perMinute": args.per_minute, "dailyQuota": args.daily_quota,
                "allowedOrigins": args.origin}
        status, reply, _, _ = call("POST", keys, {k: v for k, v in body.items() if v is not None}, auth)
    elif args.command == "list":
        status, reply, _, _ = call("GET", keys, None, auth)
    else:
        status, reply, _, _ = call("DELETE", f"{keys}/{args.id}", None, auth)
    print(json.dumps(reply, indent=2))
    return 0 if 200 <= status < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
