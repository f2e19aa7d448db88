"""Xandikos (a real CardDAV/CalDAV server) for the DAV tests, with Basic auth in front.

Xandikos serves one principal and leaves authentication to what stands before it (its
own ``--htpasswd`` insists on TLS). This script is that front: cheroot, Basic auth
against a JSON file of users (read on every request, so a fixture adds a user by
rewriting it), and one Xandikos app per user, each in its own folder with the default
address book and calendar. Run as its own process so a test can stop it like a real
server going down.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import threading


def build_app(root: str, users_file: str):
    from xandikos.web import SingleUserFilesystemBackend, XandikosApp, create_principal_defaults

    apps: dict[str, object] = {}
    lock = threading.Lock()

    def app_for(user: str):
        with lock:
            if user not in apps:
                folder = os.path.join(root, user)
                os.makedirs(folder, exist_ok=True)
                backend = SingleUserFilesystemBackend(folder, autocreate=True)
                principal_path = f"/{user}/"
                if not backend.get_resource(principal_path):
                    backend.create_principal(principal_path, create_defaults=True)
                else:
                    backend._mark_as_principal(principal_path)
                    create_principal_defaults(backend, backend.get_resource(principal_path))
                apps[user] = XandikosApp(backend, principal_path)
            return apps[user]

    def denied(start_response):
        start_response(
            "401 Unauthorized",
            [("WWW-Authenticate", 'Basic realm="xandikos"'), ("Content-Length", "0")],
        )
        return [b""]

    def with_auth(environ, start_response):
        header = environ.get("HTTP_AUTHORIZATION", "")
        if not header.startswith("Basic "):
            return denied(start_response)
        try:
            user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return denied(start_response)
        with open(users_file, encoding="utf-8") as handle:
            users = json.load(handle)
        if not user or users.get(user) != password:
            return denied(start_response)
        environ["REMOTE_USER"] = user
        if environ.get("PATH_INFO", "").rstrip("/") in (
            "/.well-known/carddav",
            "/.well-known/caldav",
        ):
            # what xandikos's own server does (RedirectDavHandler): 302 to its DAV root
            start_response("302 Found", [("Location", "/"), ("Content-Length", "0")])
            return [b""]
        return app_for(user)(environ, start_response)

    return with_auth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--users", required=True, help="JSON file: {user: password}")
    args = parser.parse_args()
    from cheroot import wsgi

    server = wsgi.Server(("127.0.0.1", args.port), build_app(args.root, args.users), numthreads=4)
    try:
        server.start()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
