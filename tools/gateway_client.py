"""One JSON call to the gateway's HTTP API, for the command-line tools (standard library only)."""
import argparse
import json
import os
import time
import urllib.error
import urllib.request
import uuid


def call(method, url, body=None, headers=None, timeout=180):
    """(status, parsed JSON body or None, headers, seconds); HTTP errors are answers, not exceptions."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    return _send(request, timeout)


def admin_parser(doc):
    """The admin tools' command line: --base-url (or QRART_BASE_URL), and sub-commands added by the caller."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=os.environ.get("QRART_BASE_URL", "http://localhost:8080"))
    return parser


def admin_headers(parser):
    """The Authorization header with the admin secret from QRART_ADMIN_SECRET, or a usage error."""
    secret = os.environ.get("QRART_ADMIN_SECRET")
    if not secret:
        parser.error("set QRART_ADMIN_SECRET to the gateway's admin secret")
    return {"Authorization": f"Bearer {secret}"}


def post_form(url, fields, file_name, file_bytes, file_type, timeout=180):
    """A multipart/form-data POST (a picture and text fields); answers as `call` does."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="image"; filename="{file_name}"\r\n'
        f"Content-Type: {file_type}\r\n\r\n".encode()
        + file_bytes
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    request = urllib.request.Request(url, data=b"".join(parts), method="POST")
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    return _send(request, timeout)


def _send(request, timeout):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, _json(reply.read()), dict(reply.headers), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read()), dict(error.headers), time.perf_counter() - started


def _json(payload):
    try:
        return json.loads(payload or b"null")
    except ValueError:
        return None
