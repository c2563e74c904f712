"""Faults of the parts below the API (issue 13): a full disk answers 507 and
writes nothing; a PostgreSQL restart answers 503 with Retry-After, never
500, and the server recovers by itself; /api/health says whether the
database answers."""
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from confer_harness import Client, ConferServer, PostgresCluster, assert_problem
from conftest import ENGINES

PASSWORD = "correct horse battery staple"


def signup_body(email):
    return {"email": email, "password": PASSWORD, "name": "Disk Filler " + "x" * 80,
            "role": "customer"}


def wait_until(predicate, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def small_disk():
    """An 8 MB tmpfs (mounting needs root; CI runs as root)."""
    folder = Path(tempfile.mkdtemp(prefix="confer-small-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip("mounting a small tmpfs needs root: " + mounted.stderr.decode().strip())
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif("sqlite" not in ENGINES, reason="SQLite is not among the tested engines")
def test_a_full_disk_answers_507_and_writes_nothing(small_disk):
    (small_disk / "data").mkdir()
    server = ConferServer(data_dir=small_disk / "data").start()
    try:
        client = Client(server)
        assert client.post("/api/auth/signup", json=signup_body(f"first-{uuid.uuid4().hex}@x.co")
                           ).status_code == 201
        stat = os.statvfs(small_disk)
        filler = small_disk / "filler"
        with open(filler, "wb") as out:
            try:
                out.write(b"\0" * (stat.f_bavail * stat.f_frsize))
            except OSError:
                pass  # the disk is full: that is the point
        refused = None
        for i in range(500):
            email = f"u{i}-{uuid.uuid4().hex[:8]}@x.co"
            response = client.post("/api/auth/signup", json=signup_body(email))
            assert response.status_code in (201, 507), response.text
            if response.status_code == 507:
                refused = email
                body = assert_problem(response, 507)
                assert "storage is full" in body["detail"]
                assert response.headers["Retry-After"]
                break
        assert refused, "the disk never filled up"
        # Reading still works while the disk is full.
        assert client.get("/api/health").json()["database"] == "up"
        assert client.get("/api/specialists").status_code == 200
        # Once there is room again, nothing of the refused sign-up is there.
        filler.unlink()
        login = client.post("/api/auth/login", json={"email": refused, "password": PASSWORD})
        assert login.status_code == 401
        assert client.post("/api/auth/signup", json=signup_body(refused)).status_code == 201
    finally:
        server.stop()


@pytest.mark.skipif("postgres" not in ENGINES, reason="PostgreSQL is not among the tested engines")
def test_a_postgres_restart_answers_503_then_recovers_by_itself():
    cluster = PostgresCluster().start()
    server = ConferServer(database_url=cluster.new_database_url()).start()
    try:
        client = Client(server)
        assert client.get("/api/health").json()["ready"] is True
        assert client.post("/api/auth/signup",
                           json=signup_body(f"before-{uuid.uuid4().hex}@x.co")).status_code == 201

        cluster.pause()
        for _ in range(5):
            response = client.post("/api/auth/signup",
                                   json=signup_body(f"during-{uuid.uuid4().hex}@x.co"))
            assert_problem(response, 503)
            assert int(response.headers["Retry-After"]) >= 1
        assert_problem(client.get("/api/specialists"), 503)
        assert wait_until(lambda: client.get("/api/health").json() == {
            "status": "ok", "ready": False, "database": "down",
            "jobs": {"due": None, "oldestDueAgeSeconds": None}}, timeout=5)

        cluster.resume()
        seen = []

        def signed_up():
            response = client.post("/api/auth/signup",
                                   json=signup_body(f"after-{uuid.uuid4().hex}@x.co"))
            seen.append(response.status_code)
            return response.status_code == 201

        assert wait_until(signed_up, timeout=15), seen
        assert set(seen) <= {201, 503}, seen
        assert wait_until(lambda: client.get("/api/health").json()["ready"] is True, timeout=5)
    finally:
        server.stop()
        server.cleanup()
        cluster.stop()
