#!/usr/bin/env python3
"""Switch any short link off or on, and export every link, through the gateway's admin API.

    QRART_ADMIN_SECRET=... tools/links.py disable <code>     # abuse: the link answers 410 from now on
    QRART_ADMIN_SECRET=... tools/links.py enable <code>
    QRART_ADMIN_SECRET=... tools/links.py export > links.jsonl

The export is one JSON object a line (code, destination, owner key or edit token hash, changes),
to move the links to another domain or service. --base-url (or QRART_BASE_URL) names the gateway,
http://localhost:8080 by default.
"""
import json
import sys
import urllib.error
import urllib.request

from gateway_client import admin_headers, admin_parser, call


def main(argv=None):
    parser = admin_parser(__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("disable", "enable"):
        command = commands.add_parser(name, help=f"{name} a link by its code")
        command.add_argument("code")
    commands.add_parser("export", help="every link as JSON lines on standard output")
    args = parser.parse_args(argv)

    auth = admin_headers(parser)
    links = args.base_url.rstrip("/") + "/api/v1/admin/links"
    if args.command == "export":
        return export(links, auth)
    status, reply, _, _ = call("PATCH", f"{links}/{args.code}", {"disabled": args.command == "disable"}, auth)
    print(json.dumps(reply, indent=2))
    return 0 if 200 <= status < 300 else 1


def export(url, headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=180) as reply:
            sys.stdout.write(reply.read().decode())
        return 0
    except urllib.error.HTTPError as error:
        print(error.read().decode(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
