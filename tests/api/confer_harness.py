"""Test harness: a throwaway PostgreSQL cluster and real `confer serve`
processes on loopback. Everything started here is stopped here."""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("CONFER_BIN", REPO / "build" / "confer"))
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    """initdb + pg_ctl as user postgres in a temp dir, on 127.0.0.1."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="confer-api-pg-"))
        self.port = None
        self.counter = 0

    def _as_postgres(self, *args, **kwargs):
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--"] + command
        return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)

    def start(self):
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.port = free_port()
        self._as_postgres(str(PG_BIN / "initdb"), "-D", str(self.dir / "data"), "-A", "trust",
                          "-U", "postgres")
        self.resume()
        self.psql("CREATE ROLE confer LOGIN SUPERUSER")
        return self

    def pause(self):
        """Stops the server (fast shutdown: sessions are cut), keeping its data."""
        self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast",
                          "-w", "stop")

    def resume(self):
        """Starts the server (again) on the same port."""
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off "
                   "-c synchronous_commit=off -c max_connections=400")
        self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-l",
                          str(self.dir / "server.log"), "-w", "-o", options, "start")

    def psql(self, sql, database="postgres"):
        return self._as_postgres("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                                 "-d", database, "-v", "ON_ERROR_STOP=1", "-qtAc", sql).stdout

    def new_database_url(self):
        self.counter += 1
        name = f"confer_api_{os.getpid()}_{self.counter}"
        self.psql(f"CREATE DATABASE {name} OWNER confer")
        return f"postgresql://confer@127.0.0.1:{self.port}/{name}"

    def stop(self):
        if (self.dir / "data").exists():
            try:
                self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-m",
                                  "fast", "-w", "stop")
            except subprocess.CalledProcessError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)


class ConferServer:
    """One `confer serve` process with its own DATA_DIR."""

    def __init__(self, database_url=None, env=None, data_dir=None):
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="confer-api-data-"))
        self.owns_data_dir = data_dir is None
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("DATABASE_", "JWT_", "FRONTEND_URL", "WEB_DIR"))}
        self.env.update({"HOST": "127.0.0.1", "PORT": str(self.port),
                         "DATA_DIR": str(self.data_dir), "LOG_LEVEL": "warn", "THREADS": "4",
                         # Every test signs up from 127.0.0.1, far more often than
                         # the default limit allows; test_auth_limits.py sets its own.
                         "SIGNUP_MAX_PER_IP_PER_HOUR": "0"})
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.env.update(env or {})
        self.process = None
        self.log_path = self.data_dir / "server.log"

    def start(self, timeout=20):
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen([str(BINARY), "serve"], env=self.env, cwd=str(REPO),
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"confer exited with {self.process.returncode}:\n{self.logs()}")
            try:
                if requests.get(self.base + "/api/health", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"confer did not answer within {timeout} s:\n{self.logs()}")

    def logs(self):
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self, timeout=10):
        """SIGTERM, then wait; returns the exit code (kills after the timeout)."""
        if not self.process:
            return 0
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            code = "killed"
        self.log.close()
        self.process = None
        return code

    def cleanup(self):
        if self.owns_data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def url(self, path):
        return self.base + path

    def outbox(self):
        folder = self.data_dir / "outbox"
        return sorted(folder.glob("*.eml")) if folder.exists() else []


def unique_email(prefix="user"):
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.com"


PASSWORD = "correct horse battery staple"


class Client:
    """A requests session against one server, with sign-up helpers."""

    def __init__(self, server):
        self.server = server
        self.http = requests.Session()

    def request(self, method, path, token=None, **kwargs):
        headers = kwargs.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return self.http.request(method, self.server.url(path), headers=headers, timeout=15,
                                 **kwargs)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def put(self, path, **kw):
        return self.request("PUT", path, **kw)

    def patch(self, path, **kw):
        return self.request("PATCH", path, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def signup(self, role="customer", email=None, password=PASSWORD, timezone=None, name="Test User"):
        body = {"email": email or unique_email(role), "password": password, "name": name,
                "role": role}
        if timezone:
            body["timezone"] = timezone
        response = self.post("/api/auth/signup", json=body)
        assert response.status_code == 201, response.text
        data = response.json()
        data["password"] = password
        return data


def assert_problem(response, status):
    assert response.status_code == status, f"{response.status_code}: {response.text}"
    assert response.headers["Content-Type"].startswith("application/problem+json"), response.headers
    body = response.json()
    assert body["status"] == status
    for key in ("type", "title", "detail"):
        assert isinstance(body[key], str) and body[key]
    text = response.text.lower()
    for leak in ("sqlite", "select ", "insert ", "/work/", "exception", "std::"):
        assert leak not in text, f"internal detail leaked: {leak}"
    return body
