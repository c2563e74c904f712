"""Fixtures: every test module gets a fresh server on each database engine
("sqlite" and "postgres"), so one pytest run covers both."""
import os

import pytest

from confer_harness import Client, ConferServer, PostgresCluster
from delivery_harness import SmtpSink

ENGINES = [e for e in os.environ.get("CONFER_TEST_DATABASES", "sqlite,postgres").split(",") if e]


@pytest.fixture(scope="session")
def postgres_cluster():
    if "postgres" not in ENGINES:
        yield None
        return
    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


def database_url_for(engine, cluster):
    return cluster.new_database_url() if engine == "postgres" else None


@pytest.fixture(scope="module", params=ENGINES)
def engine(request):
    return request.param


@pytest.fixture(scope="module")
def server_env(request):
    """Extra environment for a module's server: set SERVER_ENV in the module."""
    return getattr(request.module, "SERVER_ENV", {})


@pytest.fixture(scope="module")
def server(engine, postgres_cluster, server_env):
    instance = ConferServer(database_url_for(engine, postgres_cluster), env=server_env).start()
    yield instance
    code = instance.stop()
    instance.cleanup()
    assert code == 0, f"confer did not stop cleanly on SIGTERM (exit {code})"


@pytest.fixture
def client(server):
    return Client(server)


@pytest.fixture(scope="module")
def smtp():
    """A real SMTP server on loopback for a module's mail (see delivery_harness)."""
    sink = SmtpSink().start()
    yield sink
    sink.stop()
