"""gugus serve under load: wrk against the dev server on loopback while content files are
being edited. Zero errors, no crash, bounded memory; hostile requests are refused."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.request

from clientsupport import figure, gugus_bin, build_now, site_dir

DURATION = int(os.environ.get("GUGUS_LOAD_SECONDS", "10"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def raw(port, request, timeout=5):
    """Sends bytes as written and returns the answer's status line ('' if closed)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        data = b""
        try:
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        except (ConnectionResetError, socket.timeout):
            pass
        return data.split(b"\r\n", 1)[0].decode("latin-1")


class ServeUnderLoadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not shutil.which("wrk"):
            raise unittest.SkipTest("wrk is not installed (scripts/setup-clients installs it)")
        cls.work = tempfile.mkdtemp(prefix="gugus-load-")
        cls.site = os.path.join(cls.work, "site")
        shutil.copytree(os.path.join(site_dir(), "content"), os.path.join(cls.site, "content"))
        cls.port = free_port()
        cls.server = subprocess.Popen(
            [gugus_bin(), "serve", cls.site, "--port", str(cls.port), "--now", build_now()],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{cls.port}/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gugus serve did not answer")

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=20)
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_load_while_editing(self):
        news = os.path.join(self.site, "content/news/ingat-sapa-129.md")
        with open(news, encoding="utf-8") as f:
            original = f.read()
        stop = threading.Event()
        edits = [0]

        def edit():
            while not stop.is_set():
                head, sep, body = original.partition("\n---\n")
                with open(news, "w", encoding="utf-8") as f:
                    f.write(head + sep + f"Pembaruan {edits[0]}.\n\n" + body)
                edits[0] += 1
                time.sleep(0.5)

        before = rss_kib(self.server.pid)
        editor = threading.Thread(target=edit)
        editor.start()
        try:
            result = subprocess.run(
                ["wrk", "-t2", "-c32", f"-d{DURATION}s", "--latency", f"http://127.0.0.1:{self.port}/berita/ingat-sapa-129/"],
                capture_output=True, text=True, timeout=DURATION + 60)
        finally:
            stop.set()
            editor.join()
            with open(news, "w", encoding="utf-8") as f:
                f.write(original)
        after = rss_kib(self.server.pid)
        output = result.stdout
        self.assertEqual(result.returncode, 0, output + result.stderr)
        self.assertIsNone(self.server.poll(), "the server crashed")
        self.assertNotIn("Socket errors", output, output)
        self.assertNotIn("Non-2xx or 3xx responses", output, output)
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        p99 = re.search(r"99%\s+([\d.]+\w+)", output).group(1)
        requests = int(re.search(r"(\d+) requests in", output).group(1))
        self.assertGreater(requests, 100)
        self.assertLess(after, max(before * 3, before + 200 * 1024), f"memory grew from {before} KiB to {after} KiB")
        figure(f"serve under load: {requests} requests in {DURATION} s, {rps:.0f} req/s, p99 {p99}, 0 errors, "
               f"{edits[0]} edits during the run, RSS {before // 1024} -> {after // 1024} MiB")

    def test_refuses_paths_outside_the_site_and_oversized_headers(self):
        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/berita/%2e%2e/%2e%2e/%2e%2e/etc/passwd"]:
            status = raw(self.port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            self.assertTrue(status.startswith("HTTP/1.1 400") or status.startswith("HTTP/1.1 404"), f"{path}: {status}")
        huge = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (200 * 1024) + b"\r\n\r\n"
        status = raw(self.port, huge)
        self.assertFalse(status.startswith("HTTP/1.1 200"), f"an oversized header was accepted: {status!r}")
        # The server still answers afterwards.
        self.assertEqual(urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5).status, 200)
        figure(f"serve refuses traversal (400/404) and a 200 KiB header ({status or 'connection closed'})")


if __name__ == "__main__":
    unittest.main()
