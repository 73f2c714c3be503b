"""Start a child that Ctrl-C can stop, whatever the test run inherited.

A shell starts a background job (`./.ci/run &` without job control) with SIGINT ignored, and a child
inherits that: Python then installs no KeyboardInterrupt handler, and a server under test that should
stop on SIGINT serves on. `INTERRUPTIBLE` (a `preexec_fn`) gives the child SIGINT's default back
before it starts, so the tests of "serves until interrupted" test the command, not the caller's shell.
"""

from __future__ import annotations

import signal


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


INTERRUPTIBLE = _default_sigint
