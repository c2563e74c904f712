"""Real delivery endpoints on loopback for the mail and SMS tests: an SMTP
server (aiosmtpd) that keeps what it receives, Prism mock servers over the
vendors' own OpenAPI files, and a recording proxy in front of Prism so a test
can see each request Confer made and each answer it got. Everything started
here is stopped here."""
import email
import email.policy
import http.client
import http.server
import os
import subprocess
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from confer_harness import BINARY, REPO, free_port



def find_contracts():
    """The vendors' OpenAPI files: CONFER_CONTRACTS_DIR, else ../shared/contracts
    beside the repository, else the workplace's /work/shared/contracts (a clone
    made elsewhere, as CI's may be, still finds them)."""
    for folder in (os.environ.get("CONFER_CONTRACTS_DIR"), REPO.parent / "shared" / "contracts",
                   Path("/work/shared/contracts")):
        if folder and (Path(folder) / "SHA256SUMS").is_file():
            return Path(folder)
    return None


CONTRACTS = find_contracts() or REPO.parent / "shared" / "contracts"


class SmtpSink:
    """aiosmtpd on 127.0.0.1 at a free port; with `login` it demands AUTH."""

    def __init__(self, login=None):
        self.messages = []  # (mail_from, rcpt_tos, email.message.EmailMessage)
        self.logins = []
        self._lock = threading.Lock()
        self.port = free_port()
        kwargs = {}
        if login:
            kwargs = {"authenticator": self._authenticate(login), "auth_required": True,
                      "auth_require_tls": False}
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, **kwargs)

    def _authenticate(self, login):
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (auth_data.login.decode(), auth_data.password.decode()) == login
            self.logins.append((mechanism, ok))
            return AuthResult(success=ok)
        return authenticator

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    def url(self, credentials=""):
        return f"smtp://{credentials}127.0.0.1:{self.port}"

    def wait_for(self, recipient, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self._lock:
                for entry in self.messages:
                    if recipient in entry[1]:
                        return entry
            time.sleep(0.05)
        raise AssertionError(f"no mail for {recipient} within {timeout} s; got {self.messages}")

    def wait_for_subject(self, recipient, subject_prefix, timeout=15):
        """The first message to `recipient` whose subject starts so."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self._lock:
                for _, recipients, message in self.messages:
                    if recipient in recipients and message["Subject"].startswith(subject_prefix):
                        return message
            time.sleep(0.05)
        subjects = [(r, m["Subject"]) for _, r, m in self.messages]
        raise AssertionError(f"no '{subject_prefix}' mail for {recipient}; got {subjects}")


def invite_of(message):
    """The calendar and its VEVENT from a message's text/calendar attachment."""
    import icalendar
    for part in message.iter_attachments():
        if part.get_content_type() == "text/calendar":
            calendar = icalendar.Calendar.from_ical(part.get_content())
            event = next(c for c in calendar.walk() if c.name == "VEVENT")
            return calendar, event
    raise AssertionError("no calendar invite attached")


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def prism_executable():
    """The pinned Prism, installed into .tools/prism when it is missing."""
    out = subprocess.run(["bash", str(REPO / "scripts" / "prism-install.sh")], check=True,
                         capture_output=True, text=True, timeout=600)
    return out.stdout.strip().splitlines()[-1]


class Prism:
    """`prism mock --errors SPEC` on loopback; ready when it says so."""

    def __init__(self, spec, dynamic=False):
        self.spec = Path(spec)
        self.dynamic = dynamic  # random answers (-d), e.g. distinct ids per call
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log = None

    def start(self, timeout=90):
        if not self.spec.exists():
            # Only where the shared contracts folder is absent altogether;
            # with it present, a missing file is an error.
            if find_contracts() is None:
                import pytest
                pytest.skip(f"the vendors' OpenAPI files are not on this machine ({self.spec})")
            raise RuntimeError(f"vendor contract missing: {self.spec}")
        executable = prism_executable()
        self.log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"confer-prism-{self.port}.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [executable, "mock", "-h", "127.0.0.1", "-p", str(self.port), "--errors"] +
            (["-d"] if self.dynamic else []) + [str(self.spec)],
            stdout=self.log, stderr=subprocess.STDOUT, cwd=str(REPO))
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"prism exited:\n{self.logs()}")
            if "Prism is listening" in self.logs():
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"prism not ready in {timeout} s:\n{self.logs()}")

    def logs(self):
        try:
            return self.log_path.read_text(errors="replace")[-6000:]
        except OSError:
            return ""

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        if self.log:
            self.log.close()
            self.log = None


class RecordingProxy:
    """Forwards every request to `target_port` on loopback and records the
    request and the answer (status, headers, body) before passing it back."""

    def __init__(self, target_port):
        self.exchanges = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                upstream = http.client.HTTPConnection("127.0.0.1", target_port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                upstream.request(self.command, self.path, body=body, headers=headers)
                answer = upstream.getresponse()
                answer_body = answer.read()
                proxy.exchanges.append({
                    "method": self.command, "path": self.path, "headers": dict(self.headers),
                    "body": body, "status": answer.status,
                    "response_headers": {k.lower(): v for k, v in answer.getheaders()},
                    "response_body": answer_body})
                self.send_response(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer_body)))
                self.end_headers()
                self.wfile.write(answer_body)
                upstream.close()

            do_POST = do_GET = do_PUT = do_PATCH = do_DELETE = _forward

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def run_confer(args, env, timeout=60):
    """Runs one `confer` subcommand with only the given delivery settings."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("SMTP_", "SENDGRID_", "TWILIO_", "MAIL_FROM", "DATABASE_"))}
    clean.update(env)
    return subprocess.run([str(BINARY)] + args, env=clean, cwd=str(REPO), capture_output=True,
                          text=True, timeout=timeout)
