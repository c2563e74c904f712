"""Jobs are stored with the change that needs them: a server without job
workers takes a booking and is killed (SIGKILL, no clean-up); nothing has
been sent; a separate `confer worker` process on the same database then
sends the confirmation. /api/health shows the backlog rise and drain."""
import signal
import subprocess
import time

import pytest
import requests

from confer_harness import BINARY, REPO, Client, ConferServer
from delivery_harness import SmtpSink
from test_booking_messages import NINE, invite_of, setup_booking, wait_for_mail

SERVER_ENV = {"JOB_WORKERS": "0"}


def health_jobs_until(target, done, seconds=10):
    """/api/health's job backlog, asked until `done(jobs)` holds."""
    deadline = time.monotonic() + seconds
    while True:
        jobs = requests.get(target.url("/api/health"), timeout=5).json()["jobs"]
        if done(jobs) or time.monotonic() > deadline:
            return jobs
        time.sleep(0.2)


@pytest.fixture(scope="module")
def smtp():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


def test_jobs_survive_a_killed_server_and_a_worker_process_sends_them(server, engine, smtp):
    env = {"JOB_WORKERS": "0", "SMTP_URL": smtp.url(), "FRONTEND_URL": "https://app.confer.test"}
    doomed = ConferServer(database_url=server.env.get("DATABASE_URL"), data_dir=server.data_dir,
                          env=env).start()
    client = Client(doomed)
    _, service, customer = setup_booking(client, engine + "-kill")
    booked = client.post("/api/bookings", token=customer["accessToken"],
                         json={"slotId": f"{service['id']}.{NINE}"})
    assert booked.status_code == 201 and booked.json()["status"] == "confirmed"
    waiting = health_jobs_until(doomed, lambda jobs: jobs["due"])
    assert waiting["due"] >= 1 and waiting["oldestDueAgeSeconds"] >= 0, waiting
    doomed.process.send_signal(signal.SIGKILL)
    doomed.process.wait()
    doomed.log.close()
    doomed.process = None
    time.sleep(0.3)
    mine = customer["user"]["email"]
    assert not [m for _, r, m in smtp.messages if mine in r]  # no worker anywhere yet

    worker_env = dict(server.env)
    worker_env.update({"JOB_WORKERS": "2", "JOB_POLL_MS": "50", "SMTP_URL": smtp.url(),
                       "FRONTEND_URL": "https://app.confer.test"})
    worker = subprocess.Popen([str(BINARY), "worker"], env=worker_env, cwd=str(REPO),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        message = wait_for_mail(smtp, customer["user"]["email"], "Confirmed:")
        _, event = invite_of(message)
        assert str(event["UID"]) == f"{booked.json()['id']}@confer"
        drained = health_jobs_until(server, lambda jobs: jobs["due"] == 0)
        assert drained == {"due": 0, "oldestDueAgeSeconds": None}, drained
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=15) == 0
    confirmations = [m for _, r, m in smtp.messages
                     if customer["user"]["email"] in r and m["Subject"].startswith("Confirmed:")]
    assert len(confirmations) == 1
