"""Keep presidio's helpers off the network (there is none at run time), and lean.

tldextract (used by presidio's e-mail and URL recognizers) downloads the public-suffix
list on first use unless told otherwise. We point its process-wide extractor at the
snapshot bundled in the wheel, with no URLs to fetch and no disk cache to read a stale or
foreign list from.
"""

from __future__ import annotations

import functools
import sys

import tldextract
import tldextract.tldextract as _tldextract_module


@functools.cache
def offline_tld_extractor() -> tldextract.TLDExtract:
    """A ``TLDExtract`` that only ever reads the bundled public-suffix snapshot."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def make_tldextract_offline() -> None:
    """Replace tldextract's global extractor (behind ``tldextract.extract``) by the offline one."""
    _tldextract_module.TLD_EXTRACTOR = offline_tld_extractor()


def skip_tensorflow() -> None:
    """Let spaCy's thinc find no TensorFlow, in a process that never runs a TensorFlow model.

    thinc imports TensorFlow whenever it is installed (the Rasa environment has it): about
    2 s and a few hundred MB in processes that only mask text, such as the ``candor``
    command and the action server. Neither spaCy's NER nor presidio needs it. A Rasa server
    does: call this only at the start of a process that will never import Rasa."""
    sys.modules.setdefault("tensorflow", None)  # None in sys.modules: "import tensorflow" fails
