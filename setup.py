"""Build hook: compile newsclean's hot modules with mypyc, or install pure Python.

The package metadata is in ``pyproject.toml``; this file only adds the compiled modules.
The modules listed in ``COMPILED`` are plain, type-checked Python (mypy --strict) that
mypyc turns into C extensions: the same code, the same output, about a third less time per
document (and about a tenth less per HTML page, for the two DOM modules). Modules with a
public entry point that must raise newsclean's own error on a wrong argument type
(``pipeline``, ``html/page``) stay interpreted: a compiled function checks its argument
types itself, with a ``TypeError``. When mypyc or a C compiler is missing, or ``NEWSCLEAN_PURE_PYTHON=1`` is set
or the install is editable (``pip install -e``: a compiled module would hide edits), the
pure-Python package is installed; it behaves the same, only slower.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

COMPILED = [
    "document.py",
    "language.py",
    "phrases.py",
    "runner.py",
    "segment.py",
    "shapes.py",
    "rules/__init__.py",
    "rules/base.py",
    "rules/captions.py",
    "rules/credits.py",
    "rules/dateline.py",
    "rules/duplicates.py",
    "rules/header.py",
    "rules/layout.py",
    "rules/leftovers.py",
    "rules/related.py",
    "metadata/byline.py",
    "metadata/dateline.py",
    "metadata/dates.py",
    "metadata/margins.py",
    "metadata/urls.py",
    "html/content.py",
    "html/meta.py",
]


def _say(message: str) -> None:
    print(f"newsclean: {message}", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """Build the compiled modules if the compiler can; otherwise install pure Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no C compiler, or it failed: the .py modules are installed anyway
            _say(f"compiling with mypyc failed ({exc}); installing pure Python")
            for ext in self.extensions:  # no half-built set: a module without its runtime would not import
                path = self.get_ext_fullpath(ext.name)
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []
            self.distribution.ext_modules = []


BUILDS = {"build", "build_ext", "bdist_wheel", "install"}
"""Commands that build an installed copy. Metadata-only runs of this file need no compiling,
and an editable install (``pip install -e``) stays pure Python, so edits take effect."""


def ext_modules() -> list[object]:
    if not BUILDS & set(sys.argv[1:]):
        return []
    if os.environ.get("NEWSCLEAN_PURE_PYTHON", "") not in ("", "0"):
        _say("NEWSCLEAN_PURE_PYTHON is set; installing pure Python")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not available; installing pure Python")
        return []
    try:
        return list(mypycify([os.path.join("src", "newsclean", m) for m in COMPILED], opt_level="3"))
    except BaseException as exc:  # mypy reported an error (it exits): fall back, do not fail the install
        _say(f"mypyc could not compile ({exc!r}); installing pure Python")
        return []


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
