"""A WebDAV server for the sync tests: wsgidav on cheroot, basic auth, fault injection.

Run as its own process (``python webdav_server.py --port … --root …``) so a test can
stop it like a real server going down. ``POST /__faults__`` with a JSON list of status
codes makes the next requests answer those codes (423, 503, 507…), one each, to check
the client's retries and messages against a real HTTP stack.
"""

from __future__ import annotations

import argparse
import json
import threading


def build_app(root: str, user: str | None, password: str | None):
    from wsgidav.wsgidav_app import WsgiDAVApp

    users = {"*": {user: {"password": password}}} if user else {"*": True}
    app = WsgiDAVApp(
        {
            "provider_mapping": {"/": root},
            "simple_dc": {"user_mapping": users},
            "http_authenticator": {
                "domain_controller": None,
                "accept_basic": True,
                "accept_digest": False,
                "default_to_digest": False,
            },
            "verbose": 1,
            "logging": {"enable": False},
            "dir_browser": {"enable": False},
            "lock_storage": True,
            "property_manager": True,
        }
    )
    faults: list[int] = []
    lock = threading.Lock()

    def with_faults(environ, start_response):
        if environ.get("PATH_INFO") == "/__faults__" and environ["REQUEST_METHOD"] == "POST":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            with lock:
                faults[:] = json.loads(environ["wsgi.input"].read(size) or b"[]")
            start_response("204 No Content", [])
            return [b""]
        with lock:
            status = faults.pop(0) if faults else None
        if status is not None:
            start_response(f"{status} Injected", [("Content-Length", "0")])
            return [b""]
        return app(environ, start_response)

    return with_faults


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    from cheroot import wsgi

    server = wsgi.Server(
        ("127.0.0.1", args.port), build_app(args.root, args.user, args.password), numthreads=8
    )
    try:
        server.start()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
